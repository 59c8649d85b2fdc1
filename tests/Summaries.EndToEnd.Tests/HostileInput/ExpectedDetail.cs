using Google.Rpc;
using Grpc.Core;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>What a failed call's <c>grpc-status-details-bin</c> must carry; <see cref="Describe"/> is the docs/ERRORS.md wording.</summary>
public abstract record ExpectedDetail
{
    public const string Domain = "summaries.dev";

    public abstract string Describe();

    public abstract void Check(RpcException ex);

    /// <summary>The google.rpc.Status in the trailers, with ErrorInfo of the Summaries domain and the given reason.</summary>
    protected static Google.Rpc.Status StatusWith(RpcException ex, string reason)
    {
        var status = ex.GetRpcStatus();
        Assert.True(status is not null, $"no grpc-status-details-bin on {ex.StatusCode}: {ex.Status.Detail}");
        Assert.Equal((int)ex.StatusCode, status.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.True(info is not null, "no ErrorInfo in " + status);
        Assert.Equal(Domain, info.Domain);
        Assert.Equal(reason, info.Reason);
        return status;
    }
}

/// <summary>INVALID_ARGUMENT with BadRequest naming exactly these fields (ErrorInfo reason INVALID_ARGUMENT).</summary>
public sealed record FieldViolations(params string[] Fields) : ExpectedDetail
{
    public override string Describe() =>
        "BadRequest " + string.Join(", ", Fields.Select(f => $"`{f}`"));

    public override void Check(RpcException ex)
    {
        var status = StatusWith(ex, "INVALID_ARGUMENT");
        var badRequest = status.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, "no BadRequest in " + status);
        Assert.Equal(
            Fields.Order(StringComparer.Ordinal),
            badRequest.FieldViolations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }
}

/// <summary>NOT_FOUND with ResourceInfo naming the resource (ErrorInfo reason NOT_FOUND).</summary>
public sealed record MissingResource(string ResourceName) : ExpectedDetail
{
    public override string Describe() => $"ResourceInfo `{ResourceName}`";

    public override void Check(RpcException ex)
    {
        var status = StatusWith(ex, "NOT_FOUND");
        Assert.Equal(ResourceName, status.GetDetail<ResourceInfo>()?.ResourceName);
    }
}

/// <summary>ErrorInfo with a reason (and, when given, one metadata entry).</summary>
public sealed record Reason(string Name, string? MetadataKey = null, string? MetadataValue = null) : ExpectedDetail
{
    public override string Describe() =>
        MetadataKey is null ? $"ErrorInfo `{Name}`" : $"ErrorInfo `{Name}` (`{MetadataKey}`: `{MetadataValue}`)";

    public override void Check(RpcException ex)
    {
        var info = StatusWith(ex, Name).GetDetail<ErrorInfo>()!;
        if (MetadataKey is not null)
        {
            Assert.Equal(MetadataValue, info.Metadata[MetadataKey]);
        }
    }
}

/// <summary>
/// A status made by the gRPC layer, not by Summaries code (message size limit, the client's own
/// deadline or cancellation): no details; the message, when there is one, says why.
/// </summary>
public sealed record TransportStatus(string? MessageContains, string Where) : ExpectedDetail
{
    public override string Describe() =>
        MessageContains is null ? $"none ({Where})" : $"none ({Where}): \"{MessageContains}\"";

    public override void Check(RpcException ex)
    {
        Assert.Null(ex.GetRpcStatus());
        if (MessageContains is not null)
        {
            Assert.Contains(MessageContains, ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>The call succeeds; <see cref="What"/> says what the case asserted about the result.</summary>
public sealed record Succeeds(string What) : ExpectedDetail
{
    public override string Describe() => What;

    public override void Check(RpcException ex) =>
        Assert.Fail($"expected OK, got {ex.StatusCode}: {ex.Status.Detail}");
}
