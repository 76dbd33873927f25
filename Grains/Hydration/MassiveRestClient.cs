using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    /// <summary>Marks a whole-market request, whose attempts get <see cref="HydrationOptions.BulkRequestTimeout"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> Bulk = new("scanner.hydration.bulk");

    private readonly HydrationOptions _options = options.Value;

    /// <summary>GETs <paramref name="pathOrUrl"/> (relative to the base URL, or an absolute <c>next_url</c>) and parses it.</summary>
    public Task<T> GetAsync<T>(string pathOrUrl, Func<JsonElement, T> parse, CancellationToken cancellationToken) =>
        SendAsync(pathOrUrl, bulk: false, async (body, token) =>
        {
            using var json = await JsonDocument.ParseAsync(body, default, token).ConfigureAwait(false);
            return parse(json.RootElement);
        }, cancellationToken);

    /// <summary>
    /// GETs a whole-market response and deserialises it as it streams in (no DOM of its thousands of rows); its
    /// duration, permit waits and retries included, goes to <see cref="HydrationMetrics.BulkRequestMs"/>.
    /// </summary>
    internal async Task<T?> GetBulkAsync<T>(string pathOrUrl, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await SendAsync(pathOrUrl, bulk: true, (body, token) => JsonSerializer.DeserializeAsync(body, type, token).AsTask(), cancellationToken).ConfigureAwait(false);
        HydrationMetrics.BulkRequestMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    private async Task<T> SendAsync<T>(string pathOrUrl, bool bulk, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/"), pathOrUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(Bulk, bulk);
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
            return await read(body, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The timeout of one attempt of <paramref name="request"/>: the bulk one for a whole-market request.</summary>
    public static TimeSpan AttemptTimeout(HttpRequestMessage? request, HydrationOptions options) =>
        request?.Options.TryGetValue(Bulk, out var bulk) == true && bulk ? options.BulkRequestTimeout : options.RequestTimeout;

    /// <summary>The statuses the resilience pipeline retries (so a failure with one of them used every attempt).</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
