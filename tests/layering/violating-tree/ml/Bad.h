#pragma once
#include "itkImage.h"  // deliberately wrong: ml may not use ITK
