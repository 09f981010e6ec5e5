using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary><see cref="SeedSequence"/> against NumPy's: generate_state for int and word entropy, spawn keys, pool sizes and spawned children.</summary>
public sealed class SeedSequenceTests
{
    // Each case holds generate_state(9, uint32), generate_state(5, uint64), generate_state(1, uint32).
    private static void AssertStates(SeedSequence sequence, NumPyRandomCase c)
    {
        var words32 = c.Values.Take(9).Select(v => uint.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var words64 = c.Values.Skip(9).Take(5).Select(v => ulong.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var one = c.Values.Skip(14).Select(v => uint.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(words32, sequence.GenerateState(9));
        Assert.Equal(words64, sequence.GenerateState64(5));
        Assert.Equal(one, sequence.GenerateState(1));
    }

    public static TheoryDataOf IntEntropy => NumPyRandomData.Labels("seedseq/int");

    [Theory]
    [MemberData(nameof(IntEntropy))]
    public void Integer_entropy(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        AssertStates(new SeedSequence(ulong.Parse(c.Parts[2], CultureInfo.InvariantCulture)), c);
    }

    public static TheoryDataOf WordEntropy => NumPyRandomData.Labels("seedseq/words");

    [Theory]
    [MemberData(nameof(WordEntropy))]
    public void Word_entropy_with_spawn_key_and_pool_size(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        // seedseq/words/<words>/key/<key>/pool/<pool>
        uint[] words = Words(c.Parts[2]);
        uint[] key = Words(c.Parts[4]);
        int pool = int.Parse(c.Parts[6], CultureInfo.InvariantCulture);
        var sequence = new SeedSequence(words, key, pool);
        Assert.Equal(words, sequence.Entropy.ToArray());
        Assert.Equal(key, sequence.SpawnKey.ToArray());
        Assert.Equal(pool, sequence.PoolSize);
        AssertStates(sequence, c);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(42UL)]
    [InlineData(1099511627783UL)]
    public void Spawned_children_and_grandchildren(ulong entropy)
    {
        var root = new SeedSequence(entropy);
        var first = root.Spawn(3);
        Assert.Equal(3, root.ChildrenSpawned);
        var more = root.Spawn(2);
        Assert.Equal(5, root.ChildrenSpawned);
        var children = first.Concat(more).ToArray();
        for (int i = 0; i < children.Length; i++)
        {
            Assert.Equal(new[] { (uint)i }, children[i].SpawnKey.ToArray());
            AssertStates(children[i], NumPyRandomData.Get($"spawn/{entropy}/child/{i}", "-"));
        }
        var grandchildren = first[1].Spawn(2);
        for (int i = 0; i < grandchildren.Length; i++)
        {
            Assert.Equal(new[] { 1u, (uint)i }, grandchildren[i].SpawnKey.ToArray());
            AssertStates(grandchildren[i], NumPyRandomData.Get($"spawn/{entropy}/grandchild/1/{i}", "-"));
        }

        var c = NumPyRandomData.Get($"spawned_rng/{entropy}/3", "-");
        var rng = RandomGenerator.DefaultRng(more[0]);
        var raw = new ulong[5];
        rng.BitGenerator.Fill(raw);
        Bits.Exact<ulong>(c.ULongs, raw, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Integer_entropy_splits_into_words()
    {
        Assert.Equal(new uint[] { 0 }, new SeedSequence(0).Entropy.ToArray());
        Assert.Equal(new uint[] { 7, 256 }, new SeedSequence((1UL << 40) + 7).Entropy.ToArray());
        Assert.Equal(new SeedSequence(new uint[] { 7, 256 }).GenerateState(4), new SeedSequence((1UL << 40) + 7).GenerateState(4));
    }

    [Fact]
    public void Small_pools_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(new uint[] { 1 }, default, 3));

    private static uint[] Words(string list) =>
        list.Length == 0 ? [] : list.Split(',').Select(w => uint.Parse(w, CultureInfo.InvariantCulture)).ToArray();
}
