//go:build !purego

#include "textflag.h"

// SPECIAL sets M to the mask of the bytes of V that are a quote (X1), a backslash (X2) or at
// most 0x1f (X3): each such byte 0xff. T is scratch.
#define SPECIAL(V, M, T) \
	MOVO    V, M      \
	PCMPEQB X1, M     \
	MOVO    V, T      \
	PCMPEQB X2, T     \
	POR     T, M      \
	MOVO    V, T      \
	PMINUB  X3, T     \
	PCMPEQB V, T      \
	POR     T, M

// func specialIndex(b []byte) int
TEXT ·specialIndex(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX                // the end of the whole blocks
	XORQ AX, AX
	MOVQ $0x2222222222222222, DX
	MOVQ DX, X1
	PUNPCKLQDQ X1, X1
	MOVQ $0x5c5c5c5c5c5c5c5c, DX
	MOVQ DX, X2
	PUNPCKLQDQ X2, X2
	MOVQ $0x1f1f1f1f1f1f1f1f, DX
	MOVQ DX, X3
	PUNPCKLQDQ X3, X3

loop32:
	LEAQ  32(AX), DX
	CMPQ  DX, CX
	JHI   last16
	MOVOU (SI)(AX*1), X4
	MOVOU 16(SI)(AX*1), X5
	SPECIAL(X4, X6, X7)
	SPECIAL(X5, X8, X7)
	MOVO     X6, X7
	POR      X8, X7
	PMOVMSKB X7, DX
	TESTL    DX, DX
	JNZ      found32
	ADDQ     $32, AX
	JMP      loop32

found32:
	PMOVMSKB X6, DX
	TESTL    DX, DX
	JNZ      found
	PMOVMSKB X8, DX
	ADDQ     $16, AX

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

last16:
	CMPQ  AX, CX
	JAE   none
	MOVOU (SI)(AX*1), X4
	SPECIAL(X4, X6, X7)
	PMOVMSKB X6, DX
	TESTL    DX, DX
	JNZ      found

none:
	MOVQ CX, ret+24(FP)
	RET

// BCAST sets X to 16 copies of the byte in the 8-byte constant C, through DX.
#define BCAST(C, X) \
	MOVQ       $C, DX \
	MOVQ       DX, X  \
	PUNPCKLQDQ X, X

// func base64Index(b []byte) int
TEXT ·base64Index(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX
	XORQ AX, AX
	BCAST(0x2020202020202020, X0) // the lower-case bit
	BCAST(0x6161616161616161, X1) // 'a'
	BCAST(0x1919191919191919, X2) // 'z'-'a'
	BCAST(0x3030303030303030, X3) // '0'
	BCAST(0x0909090909090909, X4) // '9'-'0'
	BCAST(0x2b2b2b2b2b2b2b2b, X5) // '+'
	BCAST(0x2d2d2d2d2d2d2d2d, X6) // '-'
	BCAST(0x2f2f2f2f2f2f2f2f, X7) // '/'
	BCAST(0x3d3d3d3d3d3d3d3d, X8) // '='
	BCAST(0x5f5f5f5f5f5f5f5f, X9) // '_'

loop:
	CMPQ  AX, CX
	JAE   none
	MOVOU (SI)(AX*1), X10
	// Letters: the byte with its lower-case bit set is in 'a'..'z'.
	MOVO    X10, X11
	POR     X0, X11
	PSUBB   X1, X11
	MOVO    X11, X12
	PMINUB  X2, X12
	PCMPEQB X12, X11
	// Digits.
	MOVO    X10, X12
	PSUBB   X3, X12
	MOVO    X12, X13
	PMINUB  X4, X13
	PCMPEQB X13, X12
	POR     X12, X11
	// The five others.
	MOVO    X10, X12
	PCMPEQB X5, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X6, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X7, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X8, X12
	POR     X12, X11
	MOVO    X10, X12
	PCMPEQB X9, X12
	POR     X12, X11
	PMOVMSKB X11, DX
	XORL     $0xffff, DX // the bytes that are none of them
	JNZ      found
	ADDQ     $16, AX
	JMP      loop

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ CX, ret+24(FP)
	RET

// func asciiIndex(b []byte) int
TEXT ·asciiIndex(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	ANDQ $-16, CX
	XORQ AX, AX

loop64:
	LEAQ  64(AX), DX
	CMPQ  DX, CX
	JHI   loop16
	MOVOU (SI)(AX*1), X0
	MOVOU 16(SI)(AX*1), X1
	MOVOU 32(SI)(AX*1), X2
	MOVOU 48(SI)(AX*1), X3
	MOVO  X0, X4
	POR   X1, X4
	POR   X2, X4
	POR   X3, X4
	PMOVMSKB X4, DX
	TESTL    DX, DX
	JNZ      loop16 // the block is found 16 bytes a turn
	ADDQ     $64, AX
	JMP      loop64

loop16:
	CMPQ     AX, CX
	JAE      none
	MOVOU    (SI)(AX*1), X0
	PMOVMSKB X0, DX
	TESTL    DX, DX
	JNZ      found
	ADDQ     $16, AX
	JMP      loop16

found:
	BSFL DX, DX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

none:
	MOVQ CX, ret+24(FP)
	RET
