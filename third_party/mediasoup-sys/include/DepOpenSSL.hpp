#ifndef MS_DEP_OPENSSL_HPP
#define MS_DEP_OPENSSL_HPP

#include "common.hpp"

class DepOpenSSL
{
public:
	static void ClassInit();
};

#endif
