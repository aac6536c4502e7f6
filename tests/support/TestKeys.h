#pragma once

// Public host keys generated with ssh-keygen for these tests, with the fingerprints that
// `ssh-keygen -lf` printed for them.
namespace testkeys {
inline constexpr char kKeyA[] =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN5sHEnrcVvb13Bi/jgXqvLSCVb6D5bOV0VGWs4ka3A5";
inline constexpr char kFingerprintA[] = "SHA256:k1L4b5o3A04Npp1gpI05qx7AroKAS7EWrQUDCFh72y4";
inline constexpr char kKeyB[] =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKQZLLByQ3w56L4ftmjjH8P8jMXbvNzeuyNTBw8OQmA/";
inline constexpr char kFingerprintB[] = "SHA256:41MpEmDzFdZTAeW1JpHsW+prmer4tA+xax0P93E2Qjw";
} // namespace testkeys
