"""PyTorch side of bench/train: same networks, shapes, batch sizes and optimizer as TrainBench.java.
Run with Debian's python3-torch: /usr/bin/python3 torch_bench.py [threads] [epochs] [rounds].
Times are thread CPU time, as in TrainBench.java (with one thread torch computes on the calling thread).
Each network is trained `rounds` times from scratch and the best epoch counts, as on the Java side:
the VM's CPU speed drifts, and the best of several runs is what the network does on the fast machine."""
import math, sys, time
import torch
import torch.nn as nn

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 6
torch.set_num_threads(threads)
torch.manual_seed(42)


def timed(model, batches, loss_fn):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    best = float("inf")
    for e in range(1, epochs + 1):
        t0 = time.thread_time()
        for x, y in batches:
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        if e > 1:
            best = min(best, time.thread_time() - t0)
    return best


n = 8192
x = torch.rand(n, 784)
y = torch.randint(0, 10, (n,))
batches = [(x[i:i + 64], y[i:i + 64]) for i in range(0, n, 64)]
best = 0.0
for r in range(rounds):
    mlp = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    v = n / timed(mlp, batches, nn.CrossEntropyLoss())
    print(f"ROUND mlp_784_128_64_10 {r + 1} torch={v:.1f}")
    best = max(best, v)
print(f"RESULT mlp_784_128_64_10 samples/s torch={best:.1f}")


class TextClassifier(nn.Module):
    def __init__(self, vocab=10000, d=128, heads=4, layers=2, ff=512, classes=2, dropout=0.1, max_len=128):
        super().__init__()
        self.d = d
        self.emb = nn.Embedding(vocab, d)
        pe = torch.zeros(max_len, d)
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe)
        self.drop = nn.Dropout(dropout)
        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d, heads, ff, dropout, batch_first=True), layers,
                                         enable_nested_tensor=False)
        self.head = nn.Linear(d, classes)

    def forward(self, tokens):
        pad = tokens == 0
        h = self.drop(self.emb(tokens) * math.sqrt(self.d) + self.pe[: tokens.shape[1]])
        h = self.enc(h, src_key_padding_mask=pad)
        keep = (~pad).float().unsqueeze(2)
        return self.head((h * keep).sum(1) / keep.sum(1).clamp(min=1))


m = 256
tokens = torch.randint(1, 10000, (m, 128))
labels = torch.randint(0, 2, (m,))
batches = [(tokens[i:i + 32], labels[i:i + 32]) for i in range(0, m, 32)]
best = 0.0
for r in range(max(2, rounds * 2 // 3)):
    v = m * 128 / timed(TextClassifier(), batches, nn.CrossEntropyLoss())
    print(f"ROUND transformer_v10k_s128_d128_h4_l2 {r + 1} torch={v:.1f}")
    best = max(best, v)
print(f"RESULT transformer_v10k_s128_d128_h4_l2 tokens/s torch={best:.1f}")
