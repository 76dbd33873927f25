using Scanner.Tests.Support.Gateway;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>A token in the WebSocket URL never reaches a log line, even with every category at Debug.</summary>
public class GatewayLogRedactionTests
{
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {state}");
        }
    }

    [Fact]
    public async Task The_token_query_parameter_is_masked_at_debug_level()
    {
        const string Secret = "eyJhbGciOi.secret-token-value.sig";
        var logs = new CapturingLoggerProvider();
        await using var gateway = await GatewayTestHost.StartAsync(
            services => services.AddSingleton<Scanner.Gateway.Backend.IScannerFeedBackend>(new FakeScannerFeedBackend()).AddSingleton<ILoggerProvider>(logs),
            "Logging:LogLevel:Default=Debug");

        using (var socket = new ClientWebSocket())
        {
            try
            {
                await socket.ConnectAsync(new Uri(gateway.Ws + "?token=" + Secret), default);
            }
            catch (WebSocketException)
            {
                // Refused (HTTP 401) or accepted: either way the upgrade request went through the logging.
            }
        }
        using var http = gateway.HttpClient();
        await http.GetAsync("/health/live?token=" + Secret);

        await Polling.UntilAsync(() => logs.Lines.Any(l => l.Contains("/health/live?token=***")), () => "the request line of /health/live:\n" + string.Join('\n', logs.Lines));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("secret-token-value"));
    }
}
