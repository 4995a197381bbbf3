using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MLOps.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MLOps.Targets.Tests;

/// <summary>
/// MLOpsSigningCertificate: the packed model is signed with dotnet nuget sign, and a consumer that trusts only
/// that signer (signatureValidationMode=require) restores it and refuses an unsigned or re-signed copy.
/// </summary>
[Collection(TargetsCollection.Name)]
public sealed class SigningTests(ITestOutputHelper log) : IDisposable
{
    private const string Password = "pfx-password-5d8e1b7c";
    private readonly TempModelProject _project = TempModelProject.Create(log);

    // Outside the model project's folder, so its nuget.config (source mapping) does not apply to the consumers.
    private readonly string _consumers = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mlops-signing-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        _project.Dispose();
        Directory.Delete(_consumers, recursive: true);
    }

    [Fact]
    public void Should_restore_only_the_package_signed_by_the_trusted_certificate_When_a_signing_certificate_is_configured()
    {
        // Given a self-signed code-signing certificate for the model and another one, the password only in the environment
        string trusted = WriteCertificate("trusted", out string trustedFingerprint);
        string other = WriteCertificate("other", out _);

        // When the model is packed with MLOpsSigningCertificate (diagnostic verbosity: everything MSBuild logs)
        DotNetResult pack = _project.DotNetWith(
            new Dictionary<string, string> { ["MLOPS_SIGNING_CERTIFICATE_PASSWORD"] = Password },
            "pack", "-c", TempModelProject.Configuration, $"-p:MLOpsSigningCertificate={trusted}", "-v:diag");

        // Then it is signed, the password appears nowhere in the build output, and only the trusting consumer's
        // signed copy restores: unsigned is NU3004, signed by another certificate NU3034
        Assert.True(pack.Succeeded, pack.ToString());
        Assert.Contains("Demo: signed ", pack.Output);
        Assert.DoesNotContain(Password, pack.Output, StringComparison.Ordinal);
        string signed = Assert.Single(Directory.GetFiles(Path.Combine(_project.ArtifactsDirectory, "packages"), "Demo.Model.*.nupkg"));
        DotNetResult restoreSigned = Restore("signed", trustedFingerprint, signed, _ => { });
        DotNetResult restoreUnsigned = Restore("unsigned", trustedFingerprint, signed, RemoveSignature);
        DotNetResult restoreResigned = Restore("resigned", trustedFingerprint, signed, copy => Resign(copy, other));
        Assert.True(restoreSigned.Succeeded, restoreSigned.ToString());
        Assert.False(restoreUnsigned.Succeeded, restoreUnsigned.ToString());
        Assert.Contains("error NU3004", restoreUnsigned.Output, StringComparison.Ordinal);
        Assert.False(restoreResigned.Succeeded, restoreResigned.ToString());
        Assert.Contains("error NU3034", restoreResigned.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fail_with_MLOPS4010_When_the_signing_certificate_does_not_exist()
    {
        // Given a certificate path with no file
        // When the model is packed
        DotNetResult pack = _project.Pack("-p:MLOpsSigningCertificate=missing.pfx");

        // Then the build fails naming the property
        Assert.False(pack.Succeeded, pack.ToString());
        Assert.Contains("error MLOPS4010: MLOpsSigningCertificate is 'missing.pfx'", pack.Output);
    }

    [Fact]
    public void Should_fail_with_MLOPS4011_and_never_show_the_password_When_the_password_is_wrong()
    {
        // Given a certificate and a wrong password in the environment
        string certificate = WriteCertificate("wrong-password", out _);
        const string Wrong = "not-the-pfx-password-93a1";

        // When the model is packed with it
        DotNetResult pack = _project.DotNetWith(
            new Dictionary<string, string> { ["MLOPS_SIGNING_CERTIFICATE_PASSWORD"] = Wrong },
            "pack", "-c", TempModelProject.Configuration, $"-p:MLOpsSigningCertificate={certificate}");

        // Then signing fails with MLOPS4011, and the password is not in the output
        Assert.False(pack.Succeeded, pack.ToString());
        Assert.Contains("error MLOPS4011: Signing ", pack.Output);
        Assert.DoesNotContain(Wrong, pack.Output, StringComparison.Ordinal);
    }

    // A consumer folder of its own (feed, packages folder, nuget.config) that downloads just the model package
    // (PackageDownload: no dependencies, which are not signed by this test's certificate), with signatures required.
    private DotNetResult Restore(string name, string fingerprint, string package, Action<string> change)
    {
        string root = Directory.CreateDirectory(Path.Combine(_consumers, name)).FullName;
        string feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        string copy = Path.Combine(feed, Path.GetFileName(package));
        File.Copy(package, copy);
        change(copy);
        string version = Path.GetFileNameWithoutExtension(package)["Demo.Model.".Length..];
        File.WriteAllText(Path.Combine(root, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="Demo.Model" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
                <add key="signatureValidationMode" value="require" />
              </config>
              <packageSources>
                <clear />
                <add key="models" value="{feed}" />
              </packageSources>
              <trustedSigners>
                <author name="model-signer">
                  <certificate fingerprint="{fingerprint}" hashAlgorithm="SHA256" allowUntrustedRoot="true" />
                </author>
              </trustedSigners>
            </configuration>
            """);
        return DotNet.Run(root, ["restore", "-nodeReuse:false"], log,
            environment: new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") });
    }

    private static void RemoveSignature(string package)
    {
        using ZipArchive zip = ZipFile.Open(package, ZipArchiveMode.Update);
        zip.GetEntry(".signature.p7s")!.Delete();
    }

    private void Resign(string package, string certificate)
    {
        DotNetResult sign = DotNet.Run(Path.GetDirectoryName(package)!,
            ["nuget", "sign", package, "--certificate-path", certificate, "--certificate-password", Password, "--overwrite"], log);
        Assert.True(sign.Succeeded, sign.ToString());
    }

    // A self-signed certificate for code signing (EKU 1.3.6.1.5.5.7.3.3) with its key, as a password-protected .pfx.
    private string WriteCertificate(string name, out string sha256Fingerprint)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=MLOps test signer {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        sha256Fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        string path = Path.Combine(_project.Root, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
