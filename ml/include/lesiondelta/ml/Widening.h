#pragma once
// Function-preserving widening of a trained network (Chen et al. 2016, "Net2Net", Net2WiderNet):
// a LesionChangeNet of base width w becomes one of width k * w that computes the same function, so
// training can go on with k times the channels from where the narrow network stands instead of
// from scratch.
//
// Channel c of the narrow network becomes the k adjacent channels k*c ... k*c + k - 1 of the wide
// one (every tensor axis that grew is repeat-interleaved), and a convolution's weights from a grown
// input axis are divided by k, so the k copies together feed the next layer what channel c did.
// Every operation between the convolutions acts per channel (instance normalisation, leaky ReLU,
// the residual sums, nearest up-sampling) or stacks channels (the skip concatenations, where the
// interleaved order of the parts is the interleaved order of the whole), so the output is the same.
// Copies with equal weights would get equal gradients for ever: `noise` adds Gaussian noise of
// that fraction of each convolution weight tensor's standard deviation to break the tie.
#include "lesiondelta/ml/LesionChangeNet.h"

namespace lesiondelta::ml {

/// Writes the widened parameters of `narrow` into `wide` (same architecture, base width an
/// integer multiple k >= 1 of narrow's). Throws std::invalid_argument when the widths do not
/// divide or the parameter names or kernel shapes differ. Noise draws from torch's global
/// generator (seed it for a repeatable result).
void widenInto(LesionChangeNet& narrow, LesionChangeNet& wide, double noise);

}  // namespace lesiondelta::ml
