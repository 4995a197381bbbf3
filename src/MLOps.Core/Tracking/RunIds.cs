using System.Security.Cryptography;

namespace MLOps.Core.Tracking;

/// <summary>Run ids: 16 random lowercase hex characters, shown in full; commands accept a unique prefix of 4 or more.</summary>
public static class RunIds
{
    public const int Length = 16;

    public const int MinimumPrefix = 4;

    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);

    /// <summary>True for a possible id or id prefix: 4 to 16 hex characters.</summary>
    public static bool IsPrefix(string text) =>
        text.Length is >= MinimumPrefix and <= Length && text.All(char.IsAsciiHexDigit);
}
