using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// The authenticated caller, kept on <see cref="HttpContext.User"/> so gRPC services can read it
/// (<c>context.GetHttpContext().User.Identity.Name</c>) and rate limits can partition by it.
/// </summary>
public static class CallerIdentity
{
    public const string AuthenticationType = "ApiKey";

    public static ClaimsPrincipal For(string keyId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, keyId)], AuthenticationType));

    /// <summary>The key id of an API-key–authenticated call, or null.</summary>
    public static string? KeyIdOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } identity ? identity.Name : null;
}
