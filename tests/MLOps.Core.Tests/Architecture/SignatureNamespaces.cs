using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace MLOps.Core.Tests.Architecture;

/// <summary>Decodes a signature into the namespaces of this assembly's types it names (references elsewhere name none).</summary>
internal sealed class SignatureNamespaces(MetadataReader md) : ISignatureTypeProvider<IEnumerable<string>, object?>
{
    public string NamespaceOf(TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = md.GetTypeDefinition(outer);
        }

        return md.GetString(type.Namespace);
    }

    public IEnumerable<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [NamespaceOf(handle)];

    public IEnumerable<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

    public IEnumerable<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public IEnumerable<string> GetSZArrayType(IEnumerable<string> elementType) => elementType;

    public IEnumerable<string> GetArrayType(IEnumerable<string> elementType, ArrayShape shape) => elementType;

    public IEnumerable<string> GetByReferenceType(IEnumerable<string> elementType) => elementType;

    public IEnumerable<string> GetPointerType(IEnumerable<string> elementType) => elementType;

    public IEnumerable<string> GetPinnedType(IEnumerable<string> elementType) => elementType;

    public IEnumerable<string> GetModifiedType(IEnumerable<string> modifier, IEnumerable<string> unmodifiedType, bool isRequired) => unmodifiedType;

    public IEnumerable<string> GetGenericInstantiation(IEnumerable<string> genericType, ImmutableArray<IEnumerable<string>> typeArguments) =>
        genericType.Concat(typeArguments.SelectMany(t => t)).ToArray();

    public IEnumerable<string> GetFunctionPointerType(MethodSignature<IEnumerable<string>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)).ToArray();

    public IEnumerable<string> GetGenericMethodParameter(object? genericContext, int index) => [];

    public IEnumerable<string> GetGenericTypeParameter(object? genericContext, int index) => [];

    public IEnumerable<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
}
