using Summaries.ServiceDefaults.Security;

namespace Summaries.ServiceDefaults.Tests.Security;

public sealed class GrpcErrorResponseTests
{
    [Theory]
    [InlineData("plain text: ok", "plain text: ok")]
    [InlineData("100% sure", "100%25 sure")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("café", "caf%C3%A9")]
    public void PercentEncode_Message_AsGrpcMessageRequires(string message, string encoded) =>
        Assert.Equal(encoded, GrpcErrorResponse.PercentEncode(message));
}
