using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.ServiceDefaults.Tests.Paging;

public sealed class PageTokensTests
{
    [Theory]
    [InlineData(0, PageTokens.DefaultPageSize)]
    [InlineData(7, 7)]
    [InlineData(PageTokens.MaxPageSize, PageTokens.MaxPageSize)]
    [InlineData(1_000_000_000, PageTokens.MaxPageSize)]
    [InlineData(int.MaxValue, PageTokens.MaxPageSize)]
    public void Size_AnyNonNegativeRequest_DefaultedOrCapped(int requested, int expected) =>
        Assert.Equal(expected, PageTokens.Size(requested));

    [Fact]
    public void Size_Negative_FieldViolationOnPageSize()
    {
        var ex = Assert.Throws<ValidationException>(() => PageTokens.Size(-1));

        Assert.Equal("page_size", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Decode_WhatEncodeMade_SameSequence() =>
        Assert.Equal(123_456_789L, PageTokens.Decode(PageTokens.Encode(123_456_789L)));

    [Theory]
    [InlineData("AAAA")]
    [InlineData("not base64 !")]
    public void Decode_Forged_FieldViolationOnPageToken(string token)
    {
        var ex = Assert.Throws<ValidationException>(() => PageTokens.Decode(token));

        Assert.Equal("page_token", Assert.Single(ex.Problems).Field);
    }
}
