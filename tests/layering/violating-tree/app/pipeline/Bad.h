#pragma once
#include <QWidget>  // deliberately wrong: the headless pipeline must not need widgets
