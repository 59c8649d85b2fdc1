using Google.Rpc;
using Grpc.Core;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>Assertions on the summary service's error details.</summary>
internal static class RpcAssert
{
    /// <summary>INVALID_ARGUMENT with a BadRequest violation on <paramref name="field"/> and the service's ErrorInfo domain.</summary>
    public static void FieldViolation(RpcException ex, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Contains(status.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == field);
        Assert.Equal("summaries.dev", status.GetDetail<ErrorInfo>()!.Domain);
    }
}
