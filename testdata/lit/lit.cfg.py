# lit configuration for daxport's CLI-level tests (testdata/lit). Each test is
# a C fixture or a .test script with RUN lines and inline FileCheck
# expectations; CTest runs each file as its own test (testdata/CMakeLists.txt).
import os
import lit.formats

config.name = 'daxport'
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = ['.c', '.test']
config.excludes = ['Inputs', 'lit.cfg.py']
config.test_source_root = os.path.dirname(__file__)

params = lit_config.params
daxport = params.get('daxport')
if not daxport:
    lit_config.fatal('pass --param daxport=PATH/TO/daxport')
config.test_exec_root = params.get('exec_root',
                                   os.path.join(os.path.dirname(daxport), '..', 'lit-out'))
testdata = os.path.dirname(config.test_source_root)
llvm_bin = params.get('llvm_bin', '/usr/lib/llvm-19/bin')

config.substitutions.append(('%daxport', daxport))
# The real kernel (kernel/ tests): unpacked by testdata/kernel/unpack.sh.
kernel_dir = params.get('kernel_dir', os.path.join(os.path.dirname(daxport), '..', 'testdata', 'kernel'))
config.substitutions.append(('%kernel', os.path.join(kernel_dir, 'linux-source-6.12')))
config.substitutions.append(('%kcache', os.path.join(kernel_dir, 'prepared')))
config.substitutions.append(('%mock', os.path.join(testdata, 'mock-kernel', 'include')))
config.substitutions.append(('%testdata', testdata))
config.substitutions.append(('%rules', os.path.join(os.path.dirname(testdata), 'rules')))
config.substitutions.append(('%clang', os.path.join(llvm_bin, 'clang')))
config.environment['PATH'] = os.pathsep.join([llvm_bin, config.environment.get('PATH', os.environ.get('PATH', ''))])
# A result cache of the tests' own, never the user's.
config.environment['XDG_CACHE_HOME'] = os.path.join(config.test_exec_root, 'cache')
# Reports are compared as plain text.
config.environment['TERM'] = 'dumb'
