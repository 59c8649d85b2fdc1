using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>Where a caller puts its key: <c>x-api-key: KEY</c>, or <c>authorization: Bearer KEY</c>.</summary>
public static class PresentedApiKey
{
    public const string HeaderName = "x-api-key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The presented key (x-api-key first), or null when the call carries none.</summary>
    public static string? From(IHeaderDictionary headers)
    {
        var apiKey = headers[HeaderName].ToString().Trim();
        if (apiKey.Length > 0)
        {
            return apiKey;
        }

        var authorization = headers[HeaderNames.Authorization].ToString().Trim();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[BearerPrefix.Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        return null;
    }
}
