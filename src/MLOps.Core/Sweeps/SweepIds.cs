using System.Security.Cryptography;
using System.Text;

namespace MLOps.Core.Sweeps;

/// <summary>
/// Run ids of a sweep, derived rather than drawn (the store's other run ids are random): every shard of one sweep, on
/// any agent, must name the same parent, and a trial rerun must find its own run. The parent comes from the model,
/// the spec's hash, the data fingerprint and the sweep id (MLOpsSweepId: the CI run's id, so each CI run sweeps
/// afresh; empty on a laptop, so a rerun of an unchanged sweep resumes it); a trial from its parent and number.
/// 16 lowercase hex characters, like every run id.
/// </summary>
public static class SweepIds
{
    public static string Parent(string model, string specSha256, string dataFingerprint, string? sweepId) =>
        Hash($"sweep|{model}|{specSha256}|{dataFingerprint}|{sweepId ?? ""}");

    public static string Trial(string parentId, int trialNumber) => Hash($"trial|{parentId}|{trialNumber}");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
