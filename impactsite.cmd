@echo off
rem impactsite COMMAND [OPTIONS]: runs ImpactSite from this repository on Windows, building its executable first when
rem needed (the same as ./impactsite on Linux and macOS). The first run, and the first after anything under src\ changes,
rem publishes the native executable (Native AOT, which needs Visual Studio's "Desktop development with C++" tools) into
rem .impactsite\ (git-ignored); where that fails it builds the ordinary JIT version and says so in one line (delete
rem .impactsite\ once the C++ tools are installed to get the native one).
rem Changes are found by comparing src\ with the copy taken at the last build (robocopy /L lists what differs).
setlocal
set "repo=%~dp0"
set "repo=%repo:~0,-1%"
set "cache=%repo%\.impactsite"
set "exe=%cache%\bin\impactsite.exe"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1

if not exist "%exe%" goto build
if not exist "%cache%\built" goto build
set "changed="
for /f "delims=" %%f in ('robocopy "%repo%\src" "%cache%\src" /MIR /L /XD bin obj /NJH /NJS /NDL /NC /NS /NP') do set "changed=1"
if defined changed goto build
goto run

:build
where dotnet >nul 2>nul || (echo impactsite: the .NET 10 SDK is needed to build ImpactSite: install it from https://dot.net, then run this again. 1>&2 & exit /b 2)
if not exist "%cache%" mkdir "%cache%"
del /q "%cache%\built" 2>nul
rmdir /s /q "%cache%\bin.building" 2>nul
rem The snapshot is taken before publishing, so sources saved meanwhile count as changed on the next run.
robocopy "%repo%\src" "%cache%\src" /MIR /XD bin obj /NJH /NJS /NDL /NC /NS /NP /NFL >nul
echo impactsite: building the native executable (once; a few minutes) into .impactsite\bin ... 1>&2
dotnet publish "%repo%\src\ImpactSite\ImpactSite.csproj" -nologo -v q -p:PublishProfile=win-x64 "-p:PublishDir=%cache%\bin.building\\" > "%cache%\publish.log" 2>&1
if not errorlevel 1 goto installed
echo impactsite: the native build failed (see .impactsite\publish.log; it needs Visual Studio's C++ tools), building the JIT version instead. 1>&2
rmdir /s /q "%cache%\bin.building" 2>nul
dotnet publish "%repo%\src\ImpactSite\ImpactSite.csproj" -nologo -v q -c Release "-p:PublishDir=%cache%\bin.building\\" > "%cache%\publish.log" 2>&1
if errorlevel 1 (
  type "%cache%\publish.log" 1>&2
  echo impactsite: the build failed: see the messages above. 1>&2
  exit /b 2
)
:installed
rmdir /s /q "%cache%\bin" 2>nul
move "%cache%\bin.building" "%cache%\bin" >nul
echo built> "%cache%\built"

:run
"%exe%" %*
exit /b %errorlevel%
