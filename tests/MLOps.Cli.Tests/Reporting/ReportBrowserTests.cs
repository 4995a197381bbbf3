using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using MLOps.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Cli.Tests.Reporting;

/// <summary>
/// Opens a report in headless Chromium from disk (file://), as a reader would, and checks what they would see. The
/// screenshot is kept under the test's output folder (TestResults/report-Flights.png) for a person to look at.
/// </summary>
public sealed class ReportBrowserTests(ReportStore store, ITestOutputHelper log) : IClassFixture<ReportStore>
{
    [ChromiumFact]
    public void Should_render_the_runs_and_plots_without_console_errors_and_filter_rows_When_opened_in_headless_chromium()
    {
        // Given the report of Flights, written from the run store
        string folder = store.Folder("browser");
        CliResult result = Cli.Run("report", "--model", "Flights", "--store", store.StorePath, "-o", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var profile = new TempFolder("mlops-chromium");

        // When headless Chromium opens the file, with no network services of its own
        using ChromeDriver driver = Open(profile.Path);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "Flights.html")).AbsoluteUri);

        // Then the console has no errors (SEVERE: script errors, blocked requests, failed loads)
        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(Environment.NewLine, errors));
        // And the table shows the model's runs (ids as the store gave them)
        var rows = driver.FindElements(By.CssSelector("#runs-table tbody tr"));
        Assert.Equal(store.FlightsRuns.Order(), rows.Select(r => r.GetAttribute("data-run")).Order());
        // And every chart decoded and has a size: curves, calibration, importance, history, profile, sweep
        var charts = driver.FindElements(By.CssSelector("img.chart"));
        Assert.True(charts.Count >= 10, $"{charts.Count} charts");
        foreach (IWebElement chart in charts)
        {
            var natural = (long)driver.ExecuteScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", chart)!;
            Assert.True(natural > 0 && chart.Size.Width > 0 && chart.Size.Height > 0, $"chart '{chart.GetAttribute("alt")}' did not render");
        }

        // The whole page in one picture: the window as tall as the document.
        var height = (long)driver.ExecuteScript("return document.documentElement.scrollHeight;")!;
        driver.Manage().Window.Size = new System.Drawing.Size(1400, (int)Math.Min(height, 12000));
        string screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "report-Flights.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(screenshot);
        log.WriteLine($"screenshot: {screenshot}");

        // When the reader types the latest run's id into the search box
        driver.FindElement(By.Id("filter-text")).SendKeys(store.Latest);

        // Then only that run's row stays visible
        var visible = driver.FindElements(By.CssSelector("#runs-table tbody tr")).Where(r => r.Displayed).Select(r => r.GetAttribute("data-run")).ToList();
        Assert.Equal([store.Latest], visible);
        Assert.Equal($"1 of {store.FlightsRuns.Count} runs shown", driver.FindElement(By.Id("runs-count")).Text);
    }

    private static ChromeDriver Open(string profile)
    {
        var options = new ChromeOptions { BinaryLocation = ChromiumFactAttribute.Browser };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--window-size=1400,2600");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        // The driver path is given, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumFactAttribute.Driver)!, Path.GetFileName(ChromiumFactAttribute.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
