using Xunit;

namespace MLOps.Cli.Tests.Reporting;

/// <summary>
/// A fact that needs Debian's chromium and its chromedriver: skipped, saying which is missing, where they are not
/// installed (CI installs both: apt-get install chromium chromium-driver). xunit 2 has no dynamic skip, so the
/// check runs when the test is discovered.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public ChromiumFactAttribute()
    {
        string[] missing = [.. new[] { Browser, Driver }.Where(path => !File.Exists(path))];
        if (missing.Length > 0)
            Skip = $"{string.Join(" and ", missing)} not found: install Debian's chromium and chromium-driver packages to run the browser test.";
    }
}
