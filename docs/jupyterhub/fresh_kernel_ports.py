"""Kernel managers whose restarts after a failed start get new ports.

For a JupyterHub whose students' servers run on one host (LocalProcessSpawner, SudoSpawner,
SystemdSpawner): see docs/teaching-at-scale.md, "Kernel ports on a shared host".

Why: a Jupyter server picks a kernel's five TCP ports by binding port 0 and closing the socket,
and the kernel binds them a moment later. A server keeps its own kernels apart, but two servers
on one host can pick the same port when many kernels start at once (a class opening the same
notebook); the kernel that binds second cannot listen and exits. Jupyter's restarter then
restarts it "with new random ports", but jupyter_client (checked: 7.4.9) reuses the ports it
cached, so all five restarts fail the same way and the student is left with a dead kernel.
With port caching off, the ports are recorded as random and the restart really gets new ones:
the student waits a few seconds longer, once.

Use (the folder of this file on the servers' PYTHONPATH):
    classic Notebook 6:  --MappingKernelManager.kernel_manager_class=fresh_kernel_ports.KernelManager
    Jupyter Server 2:    --MappingKernelManager.kernel_manager_class=fresh_kernel_ports.AsyncKernelManager
Only the classic Notebook form runs in Jotter's tests (Debian's notebook 6.4.12, jupyter_client 7.4.9).
"""
from jupyter_client.ioloop import IOLoopKernelManager
from traitlets import default

try:  # Jupyter Server's own manager (it tracks execution state); plain jupyter_client without it
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager as _AsyncBase
except ImportError:
    from jupyter_client.ioloop import AsyncIOLoopKernelManager as _AsyncBase


class KernelManager(IOLoopKernelManager):
    """The classic Notebook's kernel manager, without port caching."""

    @default("cache_ports")
    def _no_port_cache(self):
        return False


class AsyncKernelManager(_AsyncBase):
    """Jupyter Server's kernel manager, without port caching."""

    @default("cache_ports")
    def _no_port_cache(self):
        return False
