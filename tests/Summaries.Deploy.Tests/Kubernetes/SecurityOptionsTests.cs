using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Security.Auth;
using Summaries.ServiceDefaults.Security.RateLimiting;
using Summaries.ServiceDefaults.Security.Tls;
using Summaries.Testing.Security;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// What each pod's security settings bind to passes the services' own start-up validation (a failure
/// there is a CrashLoopBackOff): the environment as rendered, each Secret key filled with a distinct
/// 64-hex-digit value (what <c>openssl rand -hex 32</c> gives) and each mounted certificate file
/// with a real PEM file of a throwaway CA, in the cert-manager layout.
/// </summary>
public sealed class SecurityOptionsTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    public static TheoryData<string> Overlays => new() { "dev", "prod", "prod-tls" };

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Bind_SecurityOptions_PassStartValidation(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);
        using var pki = TestPki.Create();

        foreach (var service in ServiceSecurity.All(rendered.Objects, Workload.All(rendered.Objects)))
        {
            var configuration = Materialize(service, pki);
            var auth = Valid<AuthOptions>(configuration, AuthOptions.SectionName, service.App);
            var limits = Valid<RateLimitOptions>(configuration, RateLimitOptions.SectionName, service.App);
            var tls = Valid<ServerTlsOptions>(configuration, ServerTlsOptions.SectionName, service.App);
            var clients = Valid<ClientSecurityOptions>(configuration, ClientSecurityOptions.SectionName, service.App);

            Assert.Equal(overlay != "dev", auth.Enabled);
            Assert.Equal(overlay != "dev", limits.Enabled);
            Assert.Equal(overlay == "prod-tls", tls.IsEnabled);
            Assert.Equal(overlay == "prod-tls", tls.RequireClientCertificate);
            Assert.Equal(overlay != "dev" && service.App != "entity", !string.IsNullOrEmpty(clients.ApiKey));
        }
    }

    /// <summary>Secret values and mounted files made real; everything else as the container reads it.</summary>
    private static IConfiguration Materialize(ServiceSecurity service, TestPki pki)
    {
        var mounts = service.Container.Items("volumeMounts")
            .Select(m => (Dir: (m.Str("mountPath") ?? "/").TrimEnd('/') + "/", Volume: m.Str("name")))
            .Where(m => service.Workload.PodSpec.Items("volumes").Any(v => v.Str("name") == m.Volume && v.At("secret") is not null))
            .ToList();
        string Real(string value)
        {
            var mount = mounts.FirstOrDefault(m => value.StartsWith(m.Dir, StringComparison.Ordinal));
            return mount.Dir is null ? value : value[mount.Dir.Length..] switch
            {
                "ca.crt" => pki.CaPath,
                "tls.crt" => pki.Server.CertificatePath,
                "tls.key" => pki.Server.KeyPath,
                var other => throw new Xunit.Sdk.XunitException($"{service.App}: no cert-manager file '{other}' in a mounted Secret"),
            };
        }

        var values = service.Env.ToConfiguration(SecretValue).AsEnumerable()
            .Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key, (string?)Real(p.Value!)));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static string SecretValue(SecretRef secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.ToString())));

    private static T Valid<T>(IConfiguration configuration, string section, string app)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        Assert.True(valid, $"{app} {section}: {string.Join('\n', results.Select(r => r.ErrorMessage))}");
        return options;
    }
}
