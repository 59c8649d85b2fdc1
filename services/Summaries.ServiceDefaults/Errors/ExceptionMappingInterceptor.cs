using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Summaries.ServiceDefaults.Errors;

/// <summary>
/// Turns domain exceptions into gRPC statuses with <c>google.rpc.Status</c> details, so no call
/// ever ends in a bare UNKNOWN.
/// </summary>
public sealed partial class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (TransientStoreErrors.Find(ex) is { } transient)
        {
            LogTransient(logger, context.Method, transient.Store, transient.Code, ex);
            return RpcErrors.StoreUnavailable(transient);
        }

        if (RpcErrors.ForDomainException(ex) is { } domain)
        {
            return domain;
        }

        switch (ex)
        {
            case OperationCanceledException when context.Deadline <= time.GetUtcNow().UtcDateTime:
                return RpcErrors.Build(StatusCode.DeadlineExceeded.ToRpcCode(), "Deadline exceeded.", "DEADLINE_EXCEEDED", null);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return RpcErrors.Build(StatusCode.Cancelled.ToRpcCode(), "The call was cancelled.", "CANCELLED", null);
            case IOException when context.CancellationToken.IsCancellationRequested:
                // The client reset its request stream mid-read: it has gone, this is not a server fault.
                return RpcErrors.Build(StatusCode.Cancelled.ToRpcCode(), "The client reset the call.", "CANCELLED", null);
            default:
                LogUnhandled(logger, context.Method, ex);
                return RpcErrors.Internal("Internal error; it has been logged.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient {Store} error {Code} in {Method}; answered UNAVAILABLE")]
    private static partial void LogTransient(ILogger logger, string method, string store, string code, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method}")]
    private static partial void LogUnhandled(ILogger logger, string method, Exception exception);
}

internal static class StatusCodeExtensions
{
    public static Google.Rpc.Code ToRpcCode(this StatusCode code) => (Google.Rpc.Code)(int)code;
}
