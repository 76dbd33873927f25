using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Scanner.Persistence;

namespace Scanner.Tests.Unit.Persistence;

public class StateWriteFailuresTests
{
    /// <summary>Keeps the level of every log line.</summary>
    private sealed class RecordingLogger : ILogger<StateWriteFailures>
    {
        public List<LogLevel> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(logLevel);
    }

    [Fact]
    public void Logs_the_first_failure_and_the_recovery_once_however_many_writes_fail()
    {
        var time = new FakeTimeProvider();
        var logger = new RecordingLogger();
        var failures = new StateWriteFailures(time, logger);

        for (var i = 0; i < 1000; i++)
        {
            failures.Failed($"S{i}", new TimeoutException());
            failures.Succeeded(); // other grains still write: not a recovery while failures are recent
        }
        Assert.Equal([LogLevel.Warning], logger.Lines);
        Assert.Equal(1000, failures.InLastMinute);

        time.Advance(TimeSpan.FromSeconds(61));
        failures.Succeeded();
        failures.Succeeded();
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Lines);
        Assert.Equal(0, failures.InLastMinute);

        failures.Failed("S1", new TimeoutException());
        Assert.Equal([LogLevel.Warning, LogLevel.Information, LogLevel.Warning], logger.Lines);
    }
}
