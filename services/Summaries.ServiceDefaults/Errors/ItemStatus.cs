using Google.Rpc;
using Grpc.Core;

namespace Summaries.ServiceDefaults.Errors;

/// <summary>
/// The <c>google.rpc.Status</c> one item of a batch or stream reports: the status (code, message,
/// ErrorInfo, BadRequest, RetryInfo) the item would have got as a call of its own.
/// </summary>
public static class ItemStatus
{
    public static Google.Rpc.Status From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var mapped = exception as RpcException ?? RpcErrors.ForDomainException(exception);
        if (mapped is null)
        {
            return RpcErrors.BuildStatus(Code.Internal, "Internal error; it has been logged.", "INTERNAL", null);
        }

        return mapped.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)mapped.StatusCode, Message = mapped.Status.Detail };
    }
}
