#!/usr/bin/env pwsh
# Tensorgen build script. PowerShell comes from the repository's tool manifest:
#   dotnet tool restore
#   dotnet pwsh ./build.ps1 <target>
# Targets: build, test, samples, aot, all (default: all = build, test, samples, aot).
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'samples', 'aot', 'all')]
    [string] $Target = 'all',
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$artifacts = Join-Path $root 'artifacts'

function Invoke-Step([string] $name, [scriptblock] $block) {
    Write-Host "==> $name" -ForegroundColor Cyan
    & $block
    if ($LASTEXITCODE -ne 0) { throw "$name failed (exit code $LASTEXITCODE)" }
}

function Build {
    Invoke-Step 'build' { dotnet build (Join-Path $root 'Tensorgen.slnx') -c $Configuration }
}

function Test {
    # The README's test command; benchmarks are not part of it.
    Invoke-Step 'test' { dotnet test (Join-Path $root 'Tensorgen.slnx') -c $Configuration }
}

function Samples {
    foreach ($sample in Get-ChildItem (Join-Path $root 'Samples') -Directory) {
        Invoke-Step "run $($sample.Name)" { dotnet run -c $Configuration --project $sample.FullName }
    }
}

# Publishes Samples/Tutorial with NativeAOT, fails on any trimming or AOT warning, and checks that the
# native binary prints exactly what `dotnet run` prints.
function Aot {
    $project = Join-Path $root 'Samples/Tutorial'
    $out = Join-Path $artifacts 'aot/Tutorial'
    $log = Join-Path $artifacts 'aot/publish.log'
    New-Item -ItemType Directory -Force -Path (Split-Path $log) | Out-Null
    Invoke-Step 'publish Tutorial (NativeAOT)' {
        dotnet publish $project -c Release -r linux-x64 -p:PublishAot=true -o $out 2>&1 | Tee-Object -FilePath $log
    }
    $warnings = Select-String -Path $log -Pattern 'warning (IL\d+|NETSDK)' -AllMatches
    if ($warnings) { $warnings | ForEach-Object { Write-Host $_.Line }; throw 'trimming/AOT warnings in publish' }

    $native = & (Join-Path $out 'Tutorial') | Out-String
    if ($LASTEXITCODE -ne 0) { throw 'native Tutorial failed' }
    $jit = dotnet run -c Release --project $project | Out-String
    if ($LASTEXITCODE -ne 0) { throw 'dotnet run Tutorial failed' }
    if ($native -ne $jit) {
        Write-Host "--- native ---`n$native`n--- dotnet run ---`n$jit"
        throw 'the native binary prints something other than dotnet run'
    }
    $size = (Get-Item (Join-Path $out 'Tutorial')).Length
    Write-Host ("native Tutorial: {0:N0} bytes; output identical to dotnet run" -f $size) -ForegroundColor Green
}

switch ($Target) {
    'build' { Build }
    'test' { Test }
    'samples' { Samples }
    'aot' { Aot }
    'all' { Build; Test; Samples; Aot }
}
