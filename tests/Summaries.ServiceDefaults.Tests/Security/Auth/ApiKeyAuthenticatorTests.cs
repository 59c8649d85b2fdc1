using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.ServiceDefaults.Tests.Security.Auth;

public sealed class ApiKeyAuthenticatorTests
{
    private static readonly ApiKeyAuthenticator Authenticator = new(
    [
        new ApiKeyOptions { Id = "dashboard", Key = "dashboard-key-0123456789" },
        new ApiKeyOptions { Id = "summary", Key = " summary-key-0123456789abcdef " },
    ]);

    [Theory]
    [InlineData("dashboard-key-0123456789", "dashboard")]
    [InlineData("summary-key-0123456789abcdef", "summary")]
    public void Identify_ConfiguredKey_ReturnsItsId(string presented, string id) =>
        Assert.Equal(id, Authenticator.Identify(presented));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("dashboard-key-012345678")]
    [InlineData("dashboard-key-01234567890")]
    [InlineData("DASHBOARD-KEY-0123456789")]
    [InlineData("summary-key-0123456789abcdef dashboard-key-0123456789")]
    public void Identify_AnythingElse_ReturnsNull(string? presented) =>
        Assert.Null(Authenticator.Identify(presented));

    [Fact]
    public void Identify_NoKeysConfigured_ReturnsNull() =>
        Assert.Null(new ApiKeyAuthenticator([]).Identify("dashboard-key-0123456789"));
}
