using System.CommandLine;
using MLOps.Core.Diagnostics;

namespace MLOps.Cli;

/// <summary>
/// How a command gets a feed's API key: the name of an environment variable holding it, never the key
/// itself (a key on the command line ends up in shell history, process lists and CI logs).
/// </summary>
internal static class ApiKeyOption
{
    public static Option<string?> Create() => new("--api-key-env")
    {
        Description = "The name of the environment variable holding the API key of an HTTP feed (not needed for a folder feed). The key itself is never printed.",
        HelpName = "NAME",
    };

    public static Option<bool> AllowInsecureConnections() => new("--allow-insecure-connections")
    {
        Description = "Allow pushing to a plain http:// feed (the API key then crosses the network unencrypted). Only for a feed on a network you trust.",
    };

    /// <summary>
    /// The key held by the variable named <paramref name="variable"/>; null when no variable was named. Reports
    /// MLOPS5008 (and returns false) when the named variable is unset or empty.
    /// </summary>
    public static bool TryRead(string? variable, DiagnosticBag bag, out string? apiKey)
    {
        apiKey = null;
        if (string.IsNullOrWhiteSpace(variable))
            return true;
        apiKey = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(apiKey))
            return true;
        bag.Error(Codes.ApiKeyVariableNotSet,
            $"The environment variable '{variable}' named by --api-key-env is not set or is empty. Set it to the feed's API key " +
            "(in CI, from a secret), or leave out --api-key-env for a feed that needs no key.");
        apiKey = null;
        return false;
    }
}
