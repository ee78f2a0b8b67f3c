#pragma once
#include <QString>  // deliberately wrong: the checker must reject this
