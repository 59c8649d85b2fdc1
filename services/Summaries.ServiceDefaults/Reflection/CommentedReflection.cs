using Google.Protobuf.Reflection;
using Grpc.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Summaries.ServiceDefaults.Reflection;

/// <summary>
/// Server reflection that serves the proto comments. Generated C# code carries descriptors without
/// source info, so the default reflection would show `grpcurl describe` users no documentation;
/// the contracts assembly embeds a descriptor set compiled with comments, and this serves it.
/// </summary>
public static class CommentedReflection
{
    private const string ResourceName = "summaries.protoset";

    public static IServiceCollection AddCommentedGrpcReflection(this IServiceCollection services, string grpcServiceName)
    {
        services.AddGrpcReflection();
        services.RemoveAll<ReflectionServiceImpl>();
        services.RemoveAll<ReflectionV1ServiceImpl>();
        var served = new Lazy<(string[] Names, SymbolRegistry Symbols)>(() => Served(grpcServiceName));
        services.AddSingleton(_ => new ReflectionServiceImpl(served.Value.Names, served.Value.Symbols));
        services.AddSingleton(_ => new ReflectionV1ServiceImpl(served.Value.Names, served.Value.Symbols));
        return services;
    }

    /// <summary>
    /// The services' names, and every file a client needs to read their messages: the services' own
    /// files with their imports, and <c>google/rpc/error_details.proto</c>, whose ErrorInfo and
    /// BadRequest travel packed in <c>google.protobuf.Any</c> inside per-item <c>google.rpc.Status</c>
    /// (no file imports it, so without it grpcurl and buf curl cannot print a batch's results).
    /// </summary>
    public static (string[] Names, SymbolRegistry Symbols) Served(string grpcServiceName)
    {
        var descriptors = Descriptors(grpcServiceName);
        var files = descriptors.Select(d => d.File).Append(Google.Rpc.ErrorDetailsReflection.Descriptor);
        return ([.. descriptors.Select(d => d.FullName)], SymbolRegistry.FromFiles(files));
    }

    /// <summary>The hosted service (with comments), health and reflection.</summary>
    public static ServiceDescriptor[] Descriptors(string grpcServiceName)
    {
        var own = LoadCommentedFiles()
            .SelectMany(f => f.Services)
            .FirstOrDefault(s => s.FullName == grpcServiceName)
            ?? throw new InvalidOperationException($"{grpcServiceName} is not in the embedded descriptor set.");
        return
        [
            own,
            Grpc.Health.V1.Health.Descriptor,
            Grpc.Reflection.V1.ServerReflection.Descriptor,
            Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
        ];
    }

    public static IReadOnlyList<FileDescriptor> LoadCommentedFiles()
    {
        using var stream = typeof(Contracts.Ingestion.V1.Article).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The contracts assembly has no {ResourceName} resource.");
        var set = FileDescriptorSet.Parser.ParseFrom(stream);
        // protoc writes files with their imports first, the order BuildFromByteStrings needs.
        return FileDescriptor.BuildFromByteStrings(set.File.Select(f => Google.Protobuf.MessageExtensions.ToByteString(f)));
    }
}
