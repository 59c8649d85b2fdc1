using Microsoft.AspNetCore.Http;
using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.ServiceDefaults.Tests.Security.Auth;

public sealed class PresentedApiKeyTests
{
    [Theory]
    [InlineData("x-api-key", "k-123", "k-123")]
    [InlineData("x-api-key", "  k-123 ", "k-123")]
    [InlineData("authorization", "Bearer k-123", "k-123")]
    [InlineData("authorization", "bearer   k-123", "k-123")]
    [InlineData("authorization", "Basic azoxMjM=", null)]
    [InlineData("authorization", "Bearer ", null)]
    [InlineData("x-api-key", "", null)]
    [InlineData("x-other", "k-123", null)]
    public void From_Header_ReadsTheKey(string header, string value, string? expected)
    {
        var headers = new HeaderDictionary { [header] = value };

        Assert.Equal(expected, PresentedApiKey.From(headers));
    }

    [Fact]
    public void From_BothHeaders_PrefersXApiKey()
    {
        var headers = new HeaderDictionary { ["x-api-key"] = "from-x-api-key", ["authorization"] = "Bearer from-bearer" };

        Assert.Equal("from-x-api-key", PresentedApiKey.From(headers));
    }
}
