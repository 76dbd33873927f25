using System.Net;
using System.Text;

namespace Scanner.Tests.Unit.Hydration;

/// <summary>An HttpMessageHandler answering like Massive's REST API, with scriptable failures, counting requests.</summary>
internal sealed class FakeMassiveHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _scripted = [];

    public List<string> Requests { get; } = [];

    public string? LastAuthorization { get; private set; }

    /// <summary>Sees every request as sent (its options included).</summary>
    public Action<HttpRequestMessage> Sent { get; set; } = _ => { };

    public Func<string, HttpResponseMessage> Default { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

    /// <summary>The next responses for paths starting with <paramref name="prefix"/>, in order.</summary>
    public void Script(string prefix, params Func<HttpResponseMessage>[] responses) =>
        _scripted[prefix] = new Queue<Func<HttpResponseMessage>>(responses);

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        lock (Requests)
        {
            Requests.Add(path);
        }
        LastAuthorization = request.Headers.Authorization?.ToString();
        Sent(request);
        foreach (var (prefix, queue) in _scripted)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && queue.Count > 0)
            {
                var response = queue.Dequeue()();
                if (response.StatusCode == HttpStatusCode.GatewayTimeout)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken); // hang until the client's timeout
                }
                return response;
            }
        }
        return Default(path);
    }
}
