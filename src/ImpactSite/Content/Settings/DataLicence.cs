using System.Text.RegularExpressions;
using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Content.Settings;

/// <summary>
/// site.yml's 'data_licence': the SPDX identifier the evidence downloads are licensed under. The build checks the shape
/// of an SPDX id (and LicenseRef-... for a licence of your own); the licences open data is usually released under are
/// known by name, with their web addresses, so a near miss gets a "did you mean".
/// </summary>
public sealed partial record DataLicence(string Id, string Url)
{
    static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["CC-BY-4.0"] = "https://creativecommons.org/licenses/by/4.0/",
        ["CC-BY-SA-4.0"] = "https://creativecommons.org/licenses/by-sa/4.0/",
        ["CC-BY-NC-4.0"] = "https://creativecommons.org/licenses/by-nc/4.0/",
        ["CC-BY-NC-SA-4.0"] = "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        ["CC-BY-ND-4.0"] = "https://creativecommons.org/licenses/by-nd/4.0/",
        ["CC-BY-NC-ND-4.0"] = "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        ["CC0-1.0"] = "https://creativecommons.org/publicdomain/zero/1.0/",
        ["ODC-By-1.0"] = "https://opendatacommons.org/licenses/by/1-0/",
        ["ODbL-1.0"] = "https://opendatacommons.org/licenses/odbl/1-0/",
        ["PDDL-1.0"] = "https://opendatacommons.org/licenses/pddl/1-0/",
        ["OGL-UK-3.0"] = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    };

    [GeneratedRegex("^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$")]
    private static partial Regex SpdxShape();

    /// <summary>The licence, or null when site.yml gives none (a warning: the data then says no licence was given) or
    /// gives something that is not an SPDX id (an error where it was written).</summary>
    public static DataLicence? Read(YamlFields f)
    {
        const string key = "data_licence";
        if (f.Text(key) is not { } text)
        {
            f.Warning(f.At, "site.yml gives no 'data_licence', so the evidence downloads say no licence was given and others cannot know whether they may reuse them. Add one, for example 'data_licence: CC-BY-4.0' (docs/impact-figures.md).");
            return null;
        }
        var id = text.Trim();
        var known = Known.Keys.FirstOrDefault(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
        if (known is not null) return new DataLicence(known, Known[known]);
        if (!SpdxShape().IsMatch(id))
        {
            var hint = Suggestions.DidYouMean(Regex.Replace(id, @"[\s_]+", "-"), Known.Keys);
            f.Error(f.ValueAt(key), $"'{text}' is not an SPDX licence identifier: write it as SPDX does, such as CC-BY-4.0 or CC0-1.0 (https://spdx.org/licenses/).{hint}");
            return null;
        }
        if (!id.StartsWith("LicenseRef-", StringComparison.Ordinal))
            f.Warning(f.ValueAt(key), $"'{id}' is not one of the data licences ImpactSite knows ({string.Join(", ", Known.Keys)}): check it is on https://spdx.org/licenses/.{Suggestions.DidYouMean(id, Known.Keys)}");
        return new DataLicence(id, $"https://spdx.org/licenses/{id}.html");
    }
}
