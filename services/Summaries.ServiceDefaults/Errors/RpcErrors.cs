using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Summaries.ServiceDefaults.Errors;

/// <summary>Builds <see cref="RpcException"/>s that carry a <c>google.rpc.Status</c> with ErrorInfo (and BadRequest).</summary>
public static class RpcErrors
{
    /// <summary>The ErrorInfo domain every Summaries error carries.</summary>
    public const string Domain = "summaries.dev";

    /// <summary>
    /// The status a domain exception maps to (bad input, not found, exists, a dependency or the store
    /// briefly unavailable); null for anything else, which is the caller's to map (cancellation,
    /// deadline) or to log as INTERNAL.
    /// </summary>
    public static RpcException? ForDomainException(Exception exception) => exception switch
    {
        ValidationException v => InvalidArgument(v.Problems),
        ResourceNotFoundException n => NotFound(n.ResourceName),
        ResourceExistsException e => AlreadyExists(e.ResourceName, e.Message),
        DependencyUnavailableException d => Unavailable(d.Dependency, d.Message, TimeSpan.FromSeconds(1)),
        _ => TransientStoreErrors.Find(exception) is { } transient ? StoreUnavailable(transient) : null,
    };

    /// <summary>"INVALID_ARGUMENT" for <see cref="StatusCode.InvalidArgument"/>, as gRPC spells code names.</summary>
    public static string CodeName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };

    public static RpcException InvalidArgument(IEnumerable<FieldProblem> problems)
    {
        var list = problems.ToList();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(list.Select(p =>
            new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Description }));
        var message = "Invalid request: " + string.Join("; ", list.Select(p => $"{p.Field}: {p.Description}"));
        return Build(Code.InvalidArgument, message, "INVALID_ARGUMENT", null, badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldProblem(field, description)]);

    public static RpcException NotFound(string resourceName) =>
        Build(Code.NotFound, $"{resourceName} was not found.", "NOT_FOUND",
            new Dictionary<string, string> { ["resource_name"] = resourceName },
            new ResourceInfo { ResourceName = resourceName, Description = "not found" });

    public static RpcException AlreadyExists(string resourceName, string message) =>
        Build(Code.AlreadyExists, message, "ALREADY_EXISTS",
            new Dictionary<string, string> { ["existing_name"] = resourceName });

    public static RpcException Unavailable(string dependency, string message, TimeSpan retryAfter)
    {
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) };
        return Build(Code.Unavailable, message, "DEPENDENCY_UNAVAILABLE",
            new Dictionary<string, string> { ["dependency"] = dependency }, retry);
    }

    /// <summary>
    /// UNAVAILABLE for a store error a retry may not meet (a serialisation failure, a lost connection,
    /// a locked file), with RetryInfo; ErrorInfo names the store and its error code, never the SQL.
    /// </summary>
    public static RpcException StoreUnavailable(TransientStoreError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(error.RetryAfter) };
        return Build(Code.Unavailable, $"The store is briefly unavailable ({error.Description}); retry the call.", "STORE_UNAVAILABLE",
            new Dictionary<string, string> { ["store"] = error.Store, ["code"] = error.Code }, retry);
    }

    /// <summary>PERMISSION_DENIED: the caller is known but may not call this method.</summary>
    public static Google.Rpc.Status PermissionDeniedStatus(string reason, string message, IDictionary<string, string>? metadata) =>
        BuildStatus(Code.PermissionDenied, message, reason, metadata);

    public static RpcException Internal(string message) =>
        Build(Code.Internal, message, "INTERNAL", null);

    /// <summary>UNAUTHENTICATED: no credentials, or credentials that are not accepted. <paramref name="message"/> must not repeat what the caller sent.</summary>
    public static Google.Rpc.Status UnauthenticatedStatus(string reason, string message) =>
        BuildStatus(Code.Unauthenticated, message, reason, null);

    /// <summary>RESOURCE_EXHAUSTED for a caller over its rate limit, with RetryInfo saying when to try again.</summary>
    public static Google.Rpc.Status RateLimitedStatus(string message, TimeSpan retryAfter, IDictionary<string, string>? metadata)
    {
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) };
        return BuildStatus(Code.ResourceExhausted, message, "RATE_LIMITED", metadata, retry);
    }

    public static RpcException Build(
        Code code, string message, string reason, IDictionary<string, string>? metadata, params Google.Protobuf.IMessage[] details) =>
        BuildStatus(code, message, reason, metadata, details).ToRpcException();

    /// <summary>The <c>google.rpc.Status</c> (ErrorInfo first, then <paramref name="details"/>) that <see cref="Build"/> throws.</summary>
    public static Google.Rpc.Status BuildStatus(
        Code code, string message, string reason, IDictionary<string, string>? metadata, params Google.Protobuf.IMessage[] details)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (metadata is not null)
        {
            info.Metadata.Add(metadata);
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(info));
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }
}
