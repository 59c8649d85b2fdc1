using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>Adds the configured <c>x-api-key</c> to every outgoing gRPC call (none when no key is configured).</summary>
public sealed class ApiKeyHeaderHandler(string? apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(apiKey) && !request.Headers.Contains(PresentedApiKey.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(PresentedApiKey.HeaderName, apiKey.Trim());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
