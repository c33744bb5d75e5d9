/*
 * qsoe/abi/errno.h - errno values (QNX Neutrino numbering).
 *
 * Shared by the kernel (kernel calls return -errno), taskman, resource
 * managers and libc. Values are QNX Neutrino's, as listed in QNX's <errno.h>
 * documentation and in rust-lang/libc src/unix/nto/mod.rs. Only macros here:
 * <errno.h> includes this file and adds the errno lvalue.
 */
#ifndef QSOE_ABI_ERRNO_H
#define QSOE_ABI_ERRNO_H

#define EOK             0   /* no error */
#define EPERM           1   /* operation not permitted */
#define ENOENT          2   /* no such file or directory */
#define ESRCH           3   /* no such process */
#define EINTR           4   /* interrupted function call */
#define EIO             5   /* I/O error */
#define ENXIO           6   /* no such device or address */
#define E2BIG           7   /* argument list too long */
#define ENOEXEC         8   /* executable format error */
#define EBADF           9   /* bad file descriptor */
#define ECHILD          10  /* no child processes */
#define EAGAIN          11  /* resource temporarily unavailable */
#define ENOMEM          12  /* not enough memory */
#define EACCES          13  /* permission denied */
#define EFAULT          14  /* bad address */
#define ENOTBLK         15  /* block device required */
#define EBUSY           16  /* device or resource busy */
#define EEXIST          17  /* file exists */
#define EXDEV           18  /* cross-device link */
#define ENODEV          19  /* no such device */
#define ENOTDIR         20  /* not a directory */
#define EISDIR          21  /* is a directory */
#define EINVAL          22  /* invalid argument */
#define ENFILE          23  /* too many open files in the system */
#define EMFILE          24  /* too many open files in the process */
#define ENOTTY          25  /* inappropriate I/O control operation */
#define ETXTBSY         26  /* text file busy */
#define EFBIG           27  /* file too large */
#define ENOSPC          28  /* no space left on device */
#define ESPIPE          29  /* illegal seek */
#define EROFS           30  /* read-only file system */
#define EMLINK          31  /* too many links */
#define EPIPE           32  /* broken pipe */
#define EDOM            33  /* mathematics argument out of domain */
#define ERANGE          34  /* result too large */
#define ENOMSG          35  /* no message of the desired type */
#define EIDRM           36  /* identifier removed */
#define ECHRNG          37  /* channel number out of range */
#define EL2NSYNC        38  /* level 2 not synchronized */
#define EL3HLT          39  /* level 3 halted */
#define EL3RST          40  /* level 3 reset */
#define ELNRNG          41  /* link number out of range */
#define EUNATCH         42  /* protocol driver not attached */
#define ENOCSI          43  /* no CSI structure available */
#define EL2HLT          44  /* level 2 halted */
#define EDEADLK         45  /* resource deadlock avoided */
#define ENOLCK          46  /* no locks available */
#define ECANCELED       47  /* operation canceled */
#define ENOTSUP         48  /* not supported */
#define EDQUOT          49  /* disk quota exceeded */
#define EBADE           50  /* invalid exchange */
#define EBADR           51  /* invalid request descriptor */
#define EXFULL          52  /* exchange full */
#define ENOANO          53  /* no anode */
#define EBADRQC         54  /* invalid request code */
#define EBADSLT         55  /* invalid slot */
#define EDEADLOCK       56  /* file locking deadlock */
#define EBFONT          57  /* bad font file format */
#define EOWNERDEAD      58  /* previous owner of a robust mutex died */
#define ENOSTR          60  /* not a stream device */
#define ENODATA         61  /* no data available */
#define ETIME           62  /* timer expired */
#define ENOSR           63  /* out of stream resources */
#define ENONET          64  /* machine is not on the network */
#define ENOPKG          65  /* package not installed */
#define EREMOTE         66  /* object is remote */
#define ENOLINK         67  /* link has been severed */
#define EADV            68  /* advertise error */
#define ESRMNT          69  /* srmount error */
#define ECOMM           70  /* communication error on send */
#define EPROTO          71  /* protocol error */
#define EMULTIHOP       74  /* multihop attempted */
#define EBADMSG         77  /* bad message */
#define ENAMETOOLONG    78  /* filename too long */
#define EOVERFLOW       79  /* value too large for the data type */
#define ENOTUNIQ        80  /* name not unique on network */
#define EBADFD          81  /* file descriptor in bad state */
#define EREMCHG         82  /* remote address changed */
#define ELIBACC         83  /* cannot access a needed shared library */
#define ELIBBAD         84  /* accessing a corrupted shared library */
#define ELIBSCN         85  /* .lib section in a.out corrupted */
#define ELIBMAX         86  /* attempting to link in too many libraries */
#define ELIBEXEC        87  /* cannot exec a shared library directly */
#define EILSEQ          88  /* illegal byte sequence */
#define ENOSYS          89  /* function not implemented */
#define ELOOP           90  /* too many levels of symbolic links or prefixes */
#define ERESTART        91  /* restartable system call */
#define ESTRPIPE        92  /* if pipe/FIFO, don't sleep in stream head */
#define ENOTEMPTY       93  /* directory not empty */
#define EUSERS          94  /* too many users */
#define ENOTRECOVERABLE 95  /* state not recoverable (robust mutex) */
#define EOPNOTSUPP      103 /* operation not supported on socket */
#define EFPOS           110 /* file position error */
#define ESTALE          122 /* stale file handle */
#define EINPROGRESS     236 /* operation now in progress */
#define EALREADY        237 /* operation already in progress */
#define ENOTSOCK        238 /* not a socket */
#define EDESTADDRREQ    239 /* destination address required */
#define EMSGSIZE        240 /* message too long */
#define EPROTOTYPE      241 /* protocol wrong type for socket */
#define ENOPROTOOPT     242 /* protocol not available */
#define EPROTONOSUPPORT 243 /* protocol not supported */
#define ESOCKTNOSUPPORT 244 /* socket type not supported */
#define EPFNOSUPPORT    246 /* protocol family not supported */
#define EAFNOSUPPORT    247 /* address family not supported by protocol */
#define EADDRINUSE      248 /* address already in use */
#define EADDRNOTAVAIL   249 /* cannot assign requested address */
#define ENETDOWN        250 /* network is down */
#define ENETUNREACH     251 /* network is unreachable */
#define ENETRESET       252 /* network dropped connection on reset */
#define ECONNABORTED    253 /* software caused connection abort */
#define ECONNRESET      254 /* connection reset by peer */
#define ENOBUFS         255 /* no buffer space available */
#define EISCONN         256 /* socket is already connected */
#define ENOTCONN        257 /* socket is not connected */
#define ESHUTDOWN       258 /* cannot send after socket shutdown */
#define ETOOMANYREFS    259 /* too many references: cannot splice */
#define ETIMEDOUT       260 /* connection or operation timed out */
#define ECONNREFUSED    261 /* connection refused */
#define EHOSTDOWN       264 /* host is down */
#define EHOSTUNREACH    265 /* no route to host */
#define EBADRPC         272 /* RPC struct is bad */
#define ERPCMISMATCH    273 /* RPC version wrong */
#define EPROGUNAVAIL    274 /* RPC program not available */
#define EPROGMISMATCH   275 /* RPC program version wrong */
#define EPROCUNAVAIL    276 /* RPC bad procedure for program */
#define ENOREMOTE       300 /* must be done on local machine */
#define ENONDP          301 /* need an NDP (8087...) to run */
#define EBADFSYS        302 /* corrupted file system detected */
#define EMORE           309 /* more to do, send message again */
#define ECTRLTERM       310 /* remap to the controlling terminal */
#define ENOLIC          311 /* no license */
#define ESRVRFAULT      312 /* server fault while accessing client memory */
#define EENDIAN         313 /* endian not supported */
#define ESECTYPEINVAL   314 /* security type invalid */

#define EWOULDBLOCK     EAGAIN /* operation would block (same value as EAGAIN) */

#endif /* QSOE_ABI_ERRNO_H */
