#!/usr/bin/env pwsh
# Tensorgen build script. PowerShell comes from the repository's tool manifest:
#   dotnet tool restore
#   dotnet pwsh ./build.ps1 <target>
# Targets: build, test, samples, aot, pack, consumer, all (default: all = every target, in that order).
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'samples', 'aot', 'pack', 'consumer', 'all')]
    [string] $Target = 'all',
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$script:PackageVersion = $null
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

# The sample projects: Samples/* with a project file (Samples/Shared holds source the samples link, no project).
function Sample-Directories {
    Get-ChildItem (Join-Path $root 'Samples') -Directory | Where-Object { Get-ChildItem $_.FullName -Filter '*.csproj' }
}

function Samples {
    foreach ($sample in Sample-Directories) {
        Invoke-Step "run $($sample.Name)" { dotnet run -c $Configuration --project $sample.FullName }
    }
}

# Publishes a project with NativeAOT into $out and fails on any trimming or AOT warning.
function Publish-Native([string] $project, [string] $out, [string[]] $extra = @()) {
    $log = "$out.publish.log"
    New-Item -ItemType Directory -Force -Path (Split-Path $log) | Out-Null
    Invoke-Step "publish $(Split-Path $project -Leaf) (NativeAOT)" {
        dotnet publish $project -c Release -r linux-x64 -p:PublishAot=true -o $out @extra 2>&1 | Tee-Object -FilePath $log
    }
    $warnings = Select-String -Path $log -Pattern '(warning|error) (IL\d+|NETSDK\d+)' -AllMatches
    if ($warnings) { $warnings | ForEach-Object { Write-Host $_.Line }; throw "trimming/AOT warnings publishing $project" }
}

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

# Runs a command $runs times and returns the median wall time in milliseconds.
function Measure-Start([scriptblock] $command, [int] $runs = 9) {
    Median (1..$runs | ForEach-Object { (Measure-Command { & $command | Out-Null }).TotalMilliseconds })
}

# Every sample published with NativeAOT, no warnings allowed; the tutorial's native binary must print
# exactly what `dotnet run` prints, and its size and start-up time are reported next to the JIT's.
function Aot {
    foreach ($sample in Sample-Directories) {
        Publish-Native $sample.FullName (Join-Path $artifacts "aot/$($sample.Name)")
    }
    $project = Join-Path $root 'Samples/Tutorial'
    $out = Join-Path $artifacts 'aot/Tutorial'
    $native = & (Join-Path $out 'Tutorial') | Out-String
    if ($LASTEXITCODE -ne 0) { throw 'native Tutorial failed' }
    $jit = dotnet run -c Release --project $project | Out-String
    if ($LASTEXITCODE -ne 0) { throw 'dotnet run Tutorial failed' }
    if ($native -ne $jit) {
        Write-Host "--- native ---`n$native`n--- dotnet run ---`n$jit"
        throw 'the native binary prints something other than dotnet run'
    }
    $size = (Get-Item (Join-Path $out 'Tutorial')).Length
    $dll = Join-Path $project 'bin/Release/net10.0/Tutorial.dll'
    $nativeMs = Measure-Start { & (Join-Path $out 'Tutorial') }
    $jitMs = Measure-Start { dotnet $dll }
    Write-Host ("native Tutorial: {0:N0} bytes; output identical to dotnet run; start to exit {1:N0} ms native vs {2:N0} ms on the JIT (medians of 9)" -f $size, $nativeMs, $jitMs) -ForegroundColor Green

    $regression = & (Join-Path $artifacts 'aot/LogisticRegression/LogisticRegression') | Out-String
    if ($LASTEXITCODE -ne 0) { throw "native LogisticRegression failed:`n$regression" }
    Write-Host ($regression -split "`n" | Select-Object -Last 3 | Out-String)

    # The digits classifier's native binary reads its embedded data and must reach 95% test accuracy (exit code says).
    $digits = & (Join-Path $artifacts 'aot/Digits/Digits') | Out-String
    if ($LASTEXITCODE -ne 0) { throw "native Digits failed:`n$digits" }
    Write-Host ($digits -split "`n" | Select-Object -Last 2 | Out-String)

    # The recurrent network trains with Scan's generated loops and their gradient natively too (exit code says).
    $rnn = & (Join-Path $artifacts 'aot/Rnn/Rnn') | Out-String
    if ($LASTEXITCODE -ne 0) { throw "native Rnn failed:`n$rnn" }
    Write-Host ($rnn -split "`n" | Select-Object -Last 1 | Out-String)

    # The "Loop" page natively: its scans print PyTensor's values (exit code says).
    $loop = & (Join-Path $artifacts 'aot/Loop/Loop') | Out-String
    if ($LASTEXITCODE -ne 0) { throw "native Loop failed:`n$loop" }
    Write-Host ($loop -split "`n" | Select-Object -Last 2 | Out-String)
}

# The one package, into artifacts/packages; a pre-release version unique to this run, so a consumer
# never picks up a stale copy from a package cache.
function Pack {
    $packages = Join-Path $artifacts 'packages'
    if (Test-Path $packages) { Remove-Item -Recurse -Force $packages }
    $script:PackageVersion = "0.1.0-local.$(Get-Date -Format 'yyyyMMddHHmmss')"
    $suffix = $script:PackageVersion.Substring('0.1.0-'.Length)
    Invoke-Step "pack Tensorgen $script:PackageVersion" {
        dotnet pack (Join-Path $root 'Runtime/Tensorgen.csproj') -c Release -o $packages -p:VersionSuffix=$suffix
    }
    # The symbols package carries SourceLink: the PDB maps sources to the repository at this commit.
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $symbols = [System.IO.Compression.ZipFile]::OpenRead((Get-ChildItem $packages -Filter '*.snupkg').FullName)
    try {
        $pdb = $symbols.Entries | Where-Object { $_.FullName -like 'lib/*/Tensorgen.pdb' }
        $reader = New-Object System.IO.StreamReader($pdb.Open(), [System.Text.Encoding]::Latin1)
        $text = $reader.ReadToEnd(); $reader.Dispose()
        if ($text -notmatch '"documents":\{"[^"]+":"https://raw\.githubusercontent\.com/') { throw 'the symbols package has no SourceLink' }
        Write-Host '  SourceLink: present in the symbols package'
    }
    finally { $symbols.Dispose() }

    # The folder is a complete feed: Tensorgen's one dependency (System.Numerics.Tensors, none of its own
    # on net10.0) goes beside it, so `dotnet add package Tensorgen --source <folder>` works offline too.
    $cache = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $tensors = Get-ChildItem (Join-Path $cache.Trim() 'system.numerics.tensors') -Recurse -Filter 'system.numerics.tensors.10.0.0.nupkg' | Select-Object -First 1
    if (-not $tensors) { throw 'System.Numerics.Tensors 10.0.0 is not in the package cache; restore the solution first' }
    Copy-Item $tensors.FullName $packages
    Get-ChildItem $packages | ForEach-Object { Write-Host ("  {0} ({1:N0} bytes)" -f $_.Name, $_.Length) }
}

# Tests/PackageConsumer as a user builds it: the package from artifacts/packages (through its own
# NuGet.config and a fresh package cache), published with NativeAOT without warnings, run and checked.
function Consumer {
    if (-not $script:PackageVersion) { Pack }
    $env:NUGET_PACKAGES = Join-Path $artifacts 'consumer-nuget'
    if (Test-Path $env:NUGET_PACKAGES) { Remove-Item -Recurse -Force $env:NUGET_PACKAGES }
    try {
        $out = Join-Path $artifacts 'consumer'
        Publish-Native (Join-Path $root 'Tests/PackageConsumer') $out @("-p:TensorgenVersion=$script:PackageVersion")
        $output = & (Join-Path $out 'PackageConsumer') | Out-String
        Write-Host $output
        if ($LASTEXITCODE -ne 0 -or $output -notmatch 'consumer: ok') { throw 'the package consumer failed its checks' }
    }
    finally {
        Remove-Item Env:NUGET_PACKAGES
    }
}

switch ($Target) {
    'build' { Build }
    'test' { Test }
    'samples' { Samples }
    'aot' { Aot }
    'pack' { Pack }
    'consumer' { Consumer }
    'all' { Build; Test; Samples; Aot; Pack; Consumer }
}
