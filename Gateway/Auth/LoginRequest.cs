using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Scanner.Gateway.Auth;

/// <summary>The body of <c>POST /auth/token</c>, read with bounds a peer cannot push: at most
/// <see cref="MaxBodyBytes"/>, JSON nested at most <see cref="MaxDepth"/> deep.</summary>
internal sealed record LoginRequest(string? Username, string? Password)
{
    public const int MaxBodyBytes = 4096;
    private const int MaxDepth = 4;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = MaxDepth };

    /// <summary>The login in the request body; null with the HTTP status that refuses a body that is not one.</summary>
    public static async Task<(LoginRequest? Login, int Status)> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        try
        {
            var login = await JsonSerializer.DeserializeAsync<LoginRequest>(request.Body, Json, cancellation).ConfigureAwait(false);
            return (login, login is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
    }
}
