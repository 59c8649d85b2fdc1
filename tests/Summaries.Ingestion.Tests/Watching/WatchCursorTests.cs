using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Watching;

public sealed class WatchCursorTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    public void Parse_Valid_ReturnsSequence(string cursor, long? expected) =>
        Assert.Equal(expected, WatchCursor.Parse(cursor));

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Parse_Invalid_ThrowsOnCursor(string cursor) =>
        Assert.Equal("cursor", Assert.Single(Assert.Throws<ValidationException>(() => WatchCursor.Parse(cursor)).Problems).Field);

    [Fact]
    public void Format_Sequence_DecimalString() => Assert.Equal("1234", WatchCursor.Format(1234));
}
