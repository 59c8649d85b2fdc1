using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Security.Tls;
using Summaries.Testing.Security;

namespace Summaries.ServiceDefaults.Tests.Security.Tls;

public sealed class ServerTlsOptionsTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create("client");

    [Fact]
    public void Validate_NothingSet_CleartextAndValid()
    {
        var options = new ServerTlsOptions();

        Assert.False(options.IsEnabled);
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Validate_PemCertificateKeyAndClientCa_Valid()
    {
        var options = new ServerTlsOptions
        {
            CertificatePath = _pki.Server.CertificatePath,
            KeyPath = _pki.Server.KeyPath,
            ClientCaPath = _pki.CaPath,
            RequireClientCertificate = true,
        };

        Assert.True(options.IsEnabled);
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Validate_MissingCertificateFile_NamesThePath()
    {
        var missing = Path.Combine(_pki.Directory, "nope.pem");

        var problem = Assert.Single(Problems(new ServerTlsOptions { CertificatePath = missing, KeyPath = _pki.Server.KeyPath }));

        Assert.Equal($"Service:Tls:CertificatePath: file '{missing}' does not exist.", problem);
    }

    [Fact]
    public void Validate_PemWithoutKey_AsksForTheKey() =>
        Assert.Contains("Service:Tls:KeyPath is required", Assert.Single(Problems(new ServerTlsOptions { CertificatePath = _pki.Server.CertificatePath })), StringComparison.Ordinal);

    [Fact]
    public void Validate_KeyOfAnotherCertificate_SaysItCannotLoad()
    {
        var options = new ServerTlsOptions { CertificatePath = _pki.Server.CertificatePath, KeyPath = _pki.Client("client").KeyPath };

        Assert.StartsWith("Service:Tls:CertificatePath: could not load", Assert.Single(Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientCaThatIsNotPem_SaysSo()
    {
        var notPem = Path.Combine(_pki.Directory, "ca.txt");
        File.WriteAllText(notPem, "not a certificate");
        var options = new ServerTlsOptions { CertificatePath = _pki.Server.CertificatePath, KeyPath = _pki.Server.KeyPath, ClientCaPath = notPem };

        Assert.StartsWith("Service:Tls:ClientCaPath: could not read", Assert.Single(Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequireClientCertificateWithoutCa_SaysWhichCaIsMissing()
    {
        var options = new ServerTlsOptions { CertificatePath = _pki.Server.CertificatePath, KeyPath = _pki.Server.KeyPath, RequireClientCertificate = true };

        Assert.Equal(
            "Service:Tls:RequireClientCertificate needs Service:Tls:ClientCaPath, the CA that signs client certificates.",
            Assert.Single(Problems(options)));
    }

    [Fact]
    public void Validate_KeyWithoutCertificate_SetBothOrNeither() =>
        Assert.Equal(
            "Service:Tls:KeyPath is set but Service:Tls:CertificatePath is not; set both or neither.",
            Assert.Single(Problems(new ServerTlsOptions { KeyPath = _pki.Server.KeyPath })));

    [Fact]
    public void CertificateAuthorities_OwnAndForeignClients_OnlyOwnTrusted()
    {
        using var other = TestPki.Create("intruder");
        var authorities = CertificateAuthorities.Load(_pki.CaPath);

        Assert.True(authorities.Trusts(_pki.Client("client").Certificate));
        Assert.False(authorities.Trusts(other.Client("intruder").Certificate));
    }

    public void Dispose() => _pki.Dispose();

    private static List<string> Problems(ServerTlsOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
}
