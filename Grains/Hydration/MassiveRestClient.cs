using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Scanner.Hydration;

/// <summary>
/// GETs from the Massive REST API (or the Simulator) as a typed HttpClient behind the hydration resilience pipeline
/// (<see cref="HydrationClientRegistration"/>: concurrency limit, timeout, retries), with the key as a bearer token;
/// every failure comes out as a <see cref="HydrationException"/> naming the path.
/// </summary>
public sealed class MassiveRestClient(HttpClient http, IOptions<HydrationOptions> options)
{
    private readonly HydrationOptions _options = options.Value;

    /// <summary>GETs <paramref name="pathOrUrl"/> (relative to the base URL, or an absolute <c>next_url</c>) and parses it.</summary>
    public async Task<T> GetAsync<T>(string pathOrUrl, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/"), pathOrUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_options.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new("Bearer", _options.ApiKey);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = $"HTTP {(int)response.StatusCode} from {pathOrUrl}";
                throw new HydrationException(IsTransient(response.StatusCode) ? $"{failure} after {_options.MaxAttempts} attempts" : failure);
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            return parse(json.RootElement);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HydrationException($"timeout from {pathOrUrl} after {_options.MaxAttempts} attempts", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HydrationException($"{ex.Message} from {pathOrUrl} after {_options.MaxAttempts} attempts", ex);
        }
        catch (JsonException ex)
        {
            throw new HydrationException($"Malformed JSON from {pathOrUrl}", ex);
        }
    }

    /// <summary>The statuses the resilience pipeline retries (so a failure with one of them used every attempt).</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
