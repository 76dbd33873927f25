using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scanner.ServiceDefaults.Logging;

namespace Scanner.Tests.Unit.Hosting;

public class RequestLoggingTests
{
    [Fact]
    public async Task A_request_is_one_debug_line_with_its_token_masked()
    {
        var logger = new FakeLogger<RequestLogging>();
        var middleware = new RequestLogging(context => { context.Response.StatusCode = 101; return Task.CompletedTask; }, logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/ws";
        context.Request.QueryString = new QueryString("?token=eyJ.secret.sig&feed=quote%3AAAPL&apiKey=k123");

        await middleware.InvokeAsync(context);

        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Contains("/ws?token=***&feed=quote%3AAAPL&apiKey=***", line.Message);
        Assert.Contains("101", line.Message);
        Assert.DoesNotContain("secret", line.Message);
        Assert.DoesNotContain("k123", line.Message);
    }

    [Fact]
    public async Task Nothing_is_logged_above_debug()
    {
        var logger = new FakeLogger<RequestLogging>(new FakeLogCollector(Microsoft.Extensions.Options.Options.Create(new FakeLogCollectorOptions())));
        logger.ControlLevel(LogLevel.Debug, false);
        await new RequestLogging(_ => Task.CompletedTask, logger).InvokeAsync(new DefaultHttpContext());
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public void Asp_net_cores_own_request_lines_which_print_the_whole_url_are_silenced_by_default() =>
        Assert.Contains(LoggingDefaults.Quiet, q => q.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && q.Level >= LogLevel.Warning);
}
