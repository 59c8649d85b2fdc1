using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// The authenticated caller, kept on <see cref="HttpContext.User"/> so gRPC services can read it
/// (<c>context.GetHttpContext().User.Identity.Name</c>) and rate limits can partition by it.
/// </summary>
public static class CallerIdentity
{
    public const string AuthenticationType = "ApiKey";

    /// <summary>The authentication type of a caller identified by its client certificate.</summary>
    public const string CertificateAuthenticationType = "ClientCertificate";

    public static ClaimsPrincipal For(string keyId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, keyId)], AuthenticationType));

    public static ClaimsPrincipal ForCertificate(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CertificateAuthenticationType));

    /// <summary>The common name of a client certificate, or null without one.</summary>
    public static string? CertificateNameOf(X509Certificate2? certificate)
    {
        var name = certificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The caller's id (API key id or certificate name) of an authenticated call, or null.</summary>
    public static string? CallerIdOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType or CertificateAuthenticationType } identity ? identity.Name : null;

    /// <summary>The key id of an API-key–authenticated call, or null.</summary>
    public static string? KeyIdOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } identity ? identity.Name : null;
}
