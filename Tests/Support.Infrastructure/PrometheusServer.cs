using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>; <c>scripts/test.sh</c> installs it) on a free loopback port in a
/// temporary folder, scraping the given <c>/metrics</c> endpoints every second. Stopped and deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string ExecutableVariable = "SCANNER_TEST_PROMETHEUS";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string folder, StringBuilder log, Uri address)
    {
        _process = process;
        _folder = folder;
        _log = log;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }

    /// <summary>What Prometheus wrote to its console, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts Prometheus scraping each target (<c>http://host:port/metrics</c>) as its own job.</summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, Uri> targets)
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : "prometheus";
        var folder = Directory.CreateTempSubdirectory("scanner-prometheus-").FullName;
        var config = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\nscrape_configs:\n");
        foreach (var (job, target) in targets)
        {
            config.Append($"  - job_name: {job}\n    metrics_path: {target.AbsolutePath}\n    static_configs:\n      - targets: ['{target.Authority}']\n");
        }
        var configFile = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config.ToString());

        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        var start = new ProcessStartInfo(executable,
        [
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address={address.Authority}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        var log = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot start {executable} ({e.Message}): install Debian's prometheus package (scripts/test.sh does) or set {ExecutableVariable}.", e);
        }
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, folder, log, address);
        try
        {
            await Polling.UntilAsync(async () => !process.HasExited && await server.IsReadyAsync(), () => $"Prometheus ready; it wrote:\n{server.Log}", TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The values of an instant PromQL query (one per series); empty when nothing matches yet.</summary>
    public async Task<double[]> QueryAsync(string promQl)
    {
        using var document = await _http.GetFromJsonAsync<JsonDocument>($"api/v1/query?query={Uri.EscapeDataString(promQl)}")
            ?? throw new InvalidOperationException("Prometheus answered nothing");
        var data = document.RootElement.GetProperty("data");
        return [.. data.GetProperty("result").EnumerateArray()
            .Select(series => double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The health of each scrape target, by job (<c>up</c> is 1 when the last scrape succeeded).</summary>
    public async Task<Dictionary<string, string>> TargetHealthAsync()
    {
        using var document = await _http.GetFromJsonAsync<JsonDocument>("api/v1/targets")
            ?? throw new InvalidOperationException("Prometheus answered nothing");
        return document.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("labels").GetProperty("job").GetString()!, t => t.GetProperty("health").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is cleaned by the system later.
        }
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("-/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }

}
