using System.CommandLine;

namespace MLOps.Cli;

/// <summary>
/// System.CommandLine hands an unknown option such as <c>--fed</c> to an argument that can take it; a
/// misspelt option must be a usage error (exit 2), not a package or file name.
/// </summary>
internal static class OptionLikeTokens
{
    public static T RejectingOptions<T>(this T argument) where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (string token in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-') && v.Length > 1))
                result.AddError($"Unrecognized option '{token}'.");
        });
        return argument;
    }
}
