//go:build !purego

#include "textflag.h"

// Constants of escapeASCII: 16 quotes, 16 backslashes, 16 spaces (0x20), and the two
// 16-byte tables PSHUFB looks the low nibble of a byte up in: shortCtl (each of \t, \n and \r
// at its own place, 0xff elsewhere) and shortXor (what turns \t, \n and \r into t, n and r).
DATA escapeConst<>+0x00(SB)/8, $0x2222222222222222
DATA escapeConst<>+0x08(SB)/8, $0x2222222222222222
DATA escapeConst<>+0x10(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeConst<>+0x18(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeConst<>+0x20(SB)/8, $0x2020202020202020
DATA escapeConst<>+0x28(SB)/8, $0x2020202020202020
DATA escapeConst<>+0x30(SB)/8, $0xffffffffffffffff
DATA escapeConst<>+0x38(SB)/8, $0xffff0dffff0a09ff
DATA escapeConst<>+0x40(SB)/8, $0x0000000000000000
DATA escapeConst<>+0x48(SB)/8, $0x00007f0000647d00
GLOBL escapeConst<>(SB), RODATA|NOPTR, $80

// EXPAND stores the block in X0 (16 bytes, \t, \n and \r already turned into their letters)
// at DI with a backslash before each byte AX marks (bit i for byte i), and moves DI past it.
// Each half of 8 bytes goes through PSHUFB with the escapeShuffle entry of its 8 bits, from
// its bytes followed by 8 backslashes (index 8 is a backslash). It writes 32 bytes at most.
// It uses CX, DX, R8, R9, X6 to X9.
#define EXPAND \
	MOVBLZX	AL, CX \
	MOVL	AX, DX \
	SHRL	$8, DX \
	POPCNTL	CX, R8 \
	POPCNTL	AX, R9 \
	SHLQ	$4, CX \
	SHLQ	$4, DX \
	MOVOU	(R10)(CX*1), X6 \
	MOVOU	(R10)(DX*1), X8 \
	MOVO	X0, X7 \
	PUNPCKLQDQ	X11, X7 \
	MOVO	X0, X9 \
	PUNPCKHQDQ	X11, X9 \
	PSHUFB	X6, X7 \
	PSHUFB	X8, X9 \
	MOVOU	X7, (DI) \
	MOVOU	X9, 8(DI)(R8*1) \
	LEAQ	16(DI)(R9*1), DI

// EXPAND32 is EXPAND with AVX2 on the block of 32 bytes in Y0 (AX its 32 bits): its four
// quarters go through VPSHUFB two at a time, each with the escapeShuffle entry of its 8 bits,
// and are stored one after the other. It writes 64 bytes at most. It uses CX, DX, R8, R9, Y6
// to Y9.
#define EXPAND32 \
	MOVL	AX, CX \
	SHLL	$4, CX \
	ANDL	$0xff0, CX \
	MOVL	AX, DX \
	SHRL	$4, DX \
	ANDL	$0xff0, DX \
	MOVL	AX, R8 \
	SHRL	$12, R8 \
	ANDL	$0xff0, R8 \
	MOVL	AX, R9 \
	SHRL	$20, R9 \
	ANDL	$0xff0, R9 \
	VMOVDQU	(R10)(CX*1), X6 \
	VINSERTI128	$1, (R10)(R8*1), Y6, Y6 \
	VMOVDQU	(R10)(DX*1), X8 \
	VINSERTI128	$1, (R10)(R9*1), Y8, Y8 \
	VPUNPCKLQDQ	Y11, Y0, Y7 \
	VPUNPCKHQDQ	Y11, Y0, Y9 \
	VPSHUFB	Y6, Y7, Y7 \
	VPSHUFB	Y8, Y9, Y9 \
	MOVBLZX	AL, CX \
	POPCNTL	CX, CX \
	MOVWLZX	AX, DX \
	POPCNTL	DX, DX \
	MOVL	AX, R8 \
	ANDL	$0xffffff, R8 \
	POPCNTL	R8, R8 \
	POPCNTL	AX, R9 \
	VMOVDQU	X7, (DI) \
	VMOVDQU	X9, 8(DI)(CX*1) \
	VEXTRACTI128	$1, Y7, 16(DI)(DX*1) \
	VEXTRACTI128	$1, Y9, 24(DI)(R8*1) \
	LEAQ	32(DI)(R9*1), DI

// MASKS turns \t, \n and \r in the block in X0 into t, n and r, and sets AX to its escapes
// (quotes, backslashes, \t, \n, \r) and DX to the bytes left to the caller (other control
// bytes, signed below 0x20, and non-ASCII bytes, negative), a bit each. It uses X1 to X5.
#define MASKS \
	MOVO	X13, X4 \
	PSHUFB	X0, X4 \
	PCMPEQB	X0, X4 \
	MOVO	X14, X5 \
	PSHUFB	X0, X5 \
	PAND	X4, X5 \
	PXOR	X5, X0 \
	MOVO	X0, X1 \
	PCMPEQB	X10, X1 \
	MOVO	X0, X2 \
	PCMPEQB	X11, X2 \
	POR	X2, X1 \
	POR	X4, X1 \
	MOVO	X12, X3 \
	PCMPGTB	X0, X3 \
	PMOVMSKB	X1, AX \
	PMOVMSKB	X3, DX

// escapeTail moves the last bytes of a block down (PSHUFB indexes from 16-k on: 0 to 15, then
// 0x80 for zero) and puts spaces after them (from 48-k on: 16 zeros, then 16 spaces).
DATA escapeTail<>+0x00(SB)/8, $0x0706050403020100
DATA escapeTail<>+0x08(SB)/8, $0x0f0e0d0c0b0a0908
DATA escapeTail<>+0x10(SB)/8, $0x8080808080808080
DATA escapeTail<>+0x18(SB)/8, $0x8080808080808080
DATA escapeTail<>+0x20(SB)/8, $0x0000000000000000
DATA escapeTail<>+0x28(SB)/8, $0x0000000000000000
DATA escapeTail<>+0x30(SB)/8, $0x2020202020202020
DATA escapeTail<>+0x38(SB)/8, $0x2020202020202020
GLOBL escapeTail<>(SB), RODATA|NOPTR, $64

// func escapeASCII(out, src []byte) (ni, nj int)
//
// Requires SSSE3 and POPCNT; with escapeAVX2 set (AVX2), it takes 32 bytes a step while it can
// (the same as two steps of 16), and then 16. Registers: SI, DI where src and out go on; BX how
// many bytes of src are left; R11 the room in out beyond what is left of src; R10
// escapeShuffle; X10 to X14 (Y10 to Y14) the constants.
TEXT ·escapeASCII(SB), NOSPLIT, $0-64
	MOVQ	out_base+0(FP), DI
	MOVQ	out_len+8(FP), R11
	MOVQ	src_base+24(FP), SI
	MOVQ	src_len+32(FP), BX
	SUBQ	BX, R11
	LEAQ	·escapeShuffle(SB), R10
	CMPB	·escapeAVX2(SB), $0
	JNE	avx2
	MOVOU	escapeConst<>+0x00(SB), X10
	MOVOU	escapeConst<>+0x10(SB), X11
	MOVOU	escapeConst<>+0x20(SB), X12
	MOVOU	escapeConst<>+0x30(SB), X13
	MOVOU	escapeConst<>+0x40(SB), X14
	JMP	loop

avx2:
	VBROADCASTI128	escapeConst<>+0x00(SB), Y10
	VBROADCASTI128	escapeConst<>+0x10(SB), Y11
	VBROADCASTI128	escapeConst<>+0x20(SB), Y12
	VBROADCASTI128	escapeConst<>+0x30(SB), Y13
	VBROADCASTI128	escapeConst<>+0x40(SB), Y14

loop32:
	CMPQ	BX, $32
	JLT	end32
	CMPQ	R11, $32
	JLT	end32
	VMOVDQU	(SI), Y0
	VPSHUFB	Y0, Y13, Y4
	VPCMPEQB	Y0, Y4, Y4
	VPSHUFB	Y0, Y14, Y5
	VPAND	Y4, Y5, Y5
	VPXOR	Y5, Y0, Y0
	VPCMPEQB	Y10, Y0, Y1
	VPCMPEQB	Y11, Y0, Y2
	VPOR	Y2, Y1, Y1
	VPOR	Y4, Y1, Y1
	VPCMPGTB	Y0, Y12, Y3
	VPMOVMSKB	Y1, AX
	VPMOVMSKB	Y3, DX
	TESTL	DX, DX
	JNZ	stop32
	EXPAND32
	ADDQ	$32, SI
	SUBQ	$32, BX
	SUBQ	R9, R11
	JMP	loop32

stop32:
	BSFL	DX, R12
	MOVL	R12, CX
	MOVL	$1, DX
	SHLL	CX, DX
	DECL	DX
	ANDL	DX, AX
	EXPAND32
	ADDQ	R12, SI
	LEAQ	-32(DI)(R12*1), DI
	VZEROUPPER
	JMP	done

end32:
	VZEROUPPER

loop:
	CMPQ	BX, $16
	JLT	tail
	CMPQ	R11, $16
	JLT	done
	MOVOU	(SI), X0
	MASKS
	TESTL	DX, DX
	JNZ	stop
	EXPAND
	ADDQ	$16, SI
	SUBQ	$16, BX
	SUBQ	R9, R11
	JMP	loop

tail:
	// The last 1 to 15 bytes (of a src of 16 bytes or more, with room for them and 32 bytes
	// more): the last 16 bytes of src, moved down so that they come first, and spaces (plain)
	// after them, as a block.
	TESTQ	BX, BX
	JEQ	done
	CMPQ	R11, $32
	JLT	done
	MOVQ	SI, CX
	SUBQ	src_base+24(FP), CX
	ADDQ	BX, CX
	CMPQ	CX, $16
	JLT	done
	MOVOU	-16(SI)(BX*1), X0
	LEAQ	escapeTail<>(SB), CX
	SUBQ	BX, CX
	MOVOU	16(CX), X1
	PSHUFB	X1, X0
	MOVOU	48(CX), X1
	POR	X1, X0
	MASKS
	TESTL	DX, DX
	JNZ	stop
	EXPAND
	ADDQ	BX, SI
	LEAQ	-16(DI)(BX*1), DI
	JMP	done

stop:
	// The block up to the first byte left to the caller, whose place goes to R12.
	BSFL	DX, R12
	MOVL	R12, CX
	MOVL	$1, DX
	SHLL	CX, DX
	DECL	DX
	ANDL	DX, AX
	EXPAND
	ADDQ	R12, SI
	LEAQ	-16(DI)(R12*1), DI

done:
	SUBQ	src_base+24(FP), SI
	MOVQ	SI, ni+48(FP)
	SUBQ	out_base+0(FP), DI
	MOVQ	DI, nj+56(FP)
	RET

// PLAIN sets DX to the bytes of the block in X0 that a JSON string does not hold as they are
// (quotes, backslashes, control bytes) or that are not ASCII, a bit each. It uses X1 to X3.
#define PLAIN \
	MOVO	X0, X1 \
	PCMPEQB	X10, X1 \
	MOVO	X0, X2 \
	PCMPEQB	X11, X2 \
	MOVO	X12, X3 \
	PCMPGTB	X0, X3 \
	POR	X2, X1 \
	POR	X3, X1 \
	PMOVMSKB	X1, DX

// func plainPrefix(out, src []byte) int
//
// SSE2. Registers: SI src, DI out, BX len(src), AX where the block goes, X10 to X12 the
// constants.
TEXT ·plainPrefix(SB), NOSPLIT, $0-56
	MOVQ	out_base+0(FP), DI
	MOVQ	src_base+24(FP), SI
	MOVQ	src_len+32(FP), BX
	MOVOU	escapeConst<>+0x00(SB), X10
	MOVOU	escapeConst<>+0x10(SB), X11
	MOVOU	escapeConst<>+0x20(SB), X12
	XORQ	AX, AX

ploop:
	LEAQ	16(AX), CX
	CMPQ	CX, BX
	JGT	plast
	MOVOU	(SI)(AX*1), X0
	MOVOU	X0, (DI)(AX*1)
	PLAIN
	TESTL	DX, DX
	JNZ	pfound
	MOVQ	CX, AX
	JMP	ploop

plast:
	// The last block overlaps the one before; its bytes before AX are plain.
	CMPQ	AX, BX
	JEQ	pdone
	LEAQ	-16(BX), AX
	MOVOU	(SI)(AX*1), X0
	MOVOU	X0, (DI)(AX*1)
	PLAIN
	TESTL	DX, DX
	JNZ	pfound
	MOVQ	BX, AX

pdone:
	MOVQ	AX, ret+48(FP)
	RET

pfound:
	BSFL	DX, DX
	ADDQ	DX, AX
	MOVQ	AX, ret+48(FP)
	RET
