using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MLOps.Core.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its metadata: a type uses the namespaces of the types in its
/// base type, interfaces, fields, method signatures, locals and the tokens of its method bodies (nested and
/// compiler-generated types count for the type that declares them).
/// </summary>
internal static class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(Assembly assembly, string prefix)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        MetadataReader md = pe.GetMetadataReader();
        var provider = new SignatureNamespaces(md);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            string from = provider.NamespaceOf(handle);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var uses = new HashSet<string>(StringComparer.Ordinal);
            TypeDefinition type = md.GetTypeDefinition(handle);
            AddHandle(md, provider, type.BaseType, uses);
            foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations())
            {
                AddHandle(md, provider, md.GetInterfaceImplementation(i).Interface, uses);
            }

            foreach (FieldDefinitionHandle f in type.GetFields())
            {
                uses.UnionWith(md.GetFieldDefinition(f).DecodeSignature(provider, null));
            }

            foreach (MethodDefinitionHandle m in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(m);
                MethodSignature<IEnumerable<string>> sig = method.DecodeSignature(provider, null);
                uses.UnionWith(sig.ReturnType);
                uses.UnionWith(sig.ParameterTypes.SelectMany(p => p));
                if (method.RelativeVirtualAddress != 0)
                {
                    AddBody(md, provider, pe.GetMethodBody(method.RelativeVirtualAddress), uses);
                }
            }

            if (!graph.TryGetValue(from, out var set))
            {
                graph[from] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(uses.Where(u => u.StartsWith(prefix, StringComparison.Ordinal) && u != from));
        }

        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    private static void AddBody(MetadataReader md, SignatureNamespaces provider, MethodBodyBlock body, HashSet<string> uses)
    {
        if (!body.LocalSignature.IsNil)
        {
            StandaloneSignature locals = md.GetStandaloneSignature(body.LocalSignature);
            uses.UnionWith(locals.DecodeLocalSignature(provider, null).SelectMany(l => l));
        }

        BlobReader il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il.ReadByte());
            }

            OpCode op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    AddHandle(md, provider, MetadataTokens.EntityHandle(il.ReadInt32()), uses);
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    private static void AddHandle(MetadataReader md, SignatureNamespaces provider, EntityHandle handle, HashSet<string> uses)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                uses.Add(provider.NamespaceOf((TypeDefinitionHandle)handle));
                break;
            case HandleKind.TypeSpecification:
                uses.UnionWith(md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null));
                break;
            case HandleKind.FieldDefinition:
                FieldDefinition field = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                uses.Add(provider.NamespaceOf(field.GetDeclaringType()));
                uses.UnionWith(field.DecodeSignature(provider, null));
                break;
            case HandleKind.MethodDefinition:
                MethodDefinition method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                uses.Add(provider.NamespaceOf(method.GetDeclaringType()));
                break;
            case HandleKind.MemberReference:
                MemberReference member = md.GetMemberReference((MemberReferenceHandle)handle);
                AddHandle(md, provider, member.Parent, uses);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    MethodSignature<IEnumerable<string>> sig = member.DecodeMethodSignature(provider, null);
                    uses.UnionWith(sig.ReturnType);
                    uses.UnionWith(sig.ParameterTypes.SelectMany(p => p));
                }
                else
                {
                    uses.UnionWith(member.DecodeFieldSignature(provider, null));
                }

                break;
            case HandleKind.MethodSpecification:
                MethodSpecification spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddHandle(md, provider, spec.Method, uses);
                uses.UnionWith(spec.DecodeSignature(provider, null).SelectMany(t => t));
                break;
        }
    }
}
