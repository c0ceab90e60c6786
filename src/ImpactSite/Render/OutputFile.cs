namespace ImpactSite.Render;

/// <summary>One file of the built site. Path is output-relative with '/'; Source is the input file that put it there.</summary>
public sealed record OutputFile(string Path, byte[] Content, string? Source);
