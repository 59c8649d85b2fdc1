using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.ServiceDefaults.Tests.Paging;

public sealed class PageTokensTests
{
    private static readonly PageBinding Unfiltered = PageBinding.Of(("filter", ""));

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
        Assert.Equal(123_456_789L, PageTokens.Decode(PageTokens.Encode(123_456_789L, Unfiltered), Unfiltered));

    [Fact]
    public void Decode_Empty_Null() =>
        Assert.Null(PageTokens.Decode("", Unfiltered));

    [Fact]
    public void DecodeCursor_WhatEncodeCursorMade_SameNumbers()
    {
        var binding = PageBinding.Of(("filter", "a = 1"), ("start_time", "5"));

        Assert.Equal([40L, 1_700_000_000_000L], PageTokens.DecodeCursor(PageTokens.EncodeCursor(binding, 40, 1_700_000_000_000), binding, 2)!);
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("not base64 !")]
    [InlineData("cDE6MTIz")] // "p1:123", the unbound format before filters were bound
    public void Decode_Forged_FieldViolationOnPageToken(string token)
    {
        var ex = Assert.Throws<ValidationException>(() => PageTokens.Decode(token, Unfiltered));

        Assert.Equal("page_token", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Decode_TokenOfAnotherFilter_FieldViolationNamingTheFilter()
    {
        var token = PageTokens.Encode(5, PageBinding.Of(("filter", "source = \"a\"")));

        var problem = Assert.Single(Assert.Throws<ValidationException>(() => PageTokens.Decode(token, PageBinding.Of(("filter", "source = \"b\"")))).Problems);

        Assert.Equal("page_token", problem.Field);
        Assert.StartsWith("was returned for a request with a different filter;", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OuterWhitespaceOfTheFilter_SameBinding()
    {
        var token = PageTokens.Encode(5, PageBinding.Of(("filter", "a = 1")));

        Assert.Equal(5, PageTokens.Decode(token, PageBinding.Of(("filter", "  a = 1 "))));
    }

    [Fact]
    public void Of_ValueShiftedAcrossFields_DifferentDigest()
    {
        var one = PageBinding.Of(("filter", "a"), ("start_time", "b"));
        var other = PageBinding.Of(("filter", "a\nstart_time=1:b"), ("start_time", ""));

        Assert.NotEqual(one.Digest, other.Digest);
        Assert.Equal("filter or start_time", one.Fields);
    }
}
