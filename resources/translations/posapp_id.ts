<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>BackupController</name>
    <message>
        <source>Backup: not set</source>
        <translation>Cadangan: belum diatur</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Mencadangkan…</translation>
    </message>
    <message>
        <source>Backup: none yet</source>
        <translation>Cadangan: belum ada</translation>
    </message>
    <message>
        <source>Backup failed {time}: {reason}</source>
        <translation>Cadangan gagal {time}: {reason}</translation>
    </message>
    <message>
        <source>Backup {time} ✓</source>
        <translation>Cadangan {time} ✓</translation>
    </message>
    <message>
        <source>Backup failed {time}</source>
        <translation>Cadangan gagal {time}</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Qty (F4)</source>
        <translation>Jumlah (F4)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Hapus (Del)</translation>
    </message>
    <message>
        <source>Line discount (F7)</source>
        <translation>Diskon per barang (F7)</translation>
    </message>
    <message>
        <source>Discount (F8)</source>
        <translation>Diskon (F8)</translation>
    </message>
    <message>
        <source>Custom item (F6)</source>
        <translation>Barang lain (harga bebas) (F6)</translation>
    </message>
    <message>
        <source>Order instead (Shift+F12)</source>
        <translation>Jadikan pesanan (Shift+F12)</translation>
    </message>
    <message>
        <source>Pay (F12)</source>
        <translation>Bayar (F12)</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Keranjang</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Kurangi satu</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Tambah satu</translation>
    </message>
    <message>
        <source>Change quantity</source>
        <translation>Ubah jumlah</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Hapus baris</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Diskon per barang</translation>
    </message>
    <message>
        <source>Cart discount</source>
        <translation>Diskon keranjang</translation>
    </message>
    <message>
        <source>Custom item</source>
        <translation>Barang lain (harga bebas)</translation>
    </message>
    <message>
        <source>Order instead of selling</source>
        <translation>Jadikan pesanan, bukan penjualan</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bayar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Subtotal: {amount}</source>
        <translation>Subtotal: {amount}</translation>
    </message>
    <message>
        <source>Discount: {amount}</source>
        <translation>Diskon: {amount}</translation>
    </message>
    <message>
        <source>Change {amount} · {receipt}</source>
        <translation>Kembalian {amount} · {receipt}</translation>
    </message>
    <message>
        <source>Last sale: {receipt} · {total} · {time} · voided</source>
        <translation>Penjualan terakhir: {receipt} · {total} · {time} · dibatalkan</translation>
    </message>
    <message>
        <source>Last sale: {receipt} · {total} · {time}</source>
        <translation>Penjualan terakhir: {receipt} · {total} · {time}</translation>
    </message>
</context>
<context>
    <name>CashCount</name>
    <message>
        <source>Banknotes</source>
        <translation>Uang kertas</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Uang logam</translation>
    </message>
    <message>
        <source>Number of {amount} coins</source>
        <translation>Jumlah uang logam {amount}</translation>
    </message>
    <message>
        <source>Number of {amount} notes</source>
        <translation>Jumlah uang kertas {amount}</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Maker group</source>
        <translation>Kelompok perajin</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Daerah</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>for example 150.000; 0 = open price</source>
        <translation>misalnya 150.000; 0 = harga diisi saat jual</translation>
    </message>
    <message>
        <source>scan or type; empty = no barcode</source>
        <translation>pindai atau ketik; kosong = tanpa barcode</translation>
    </message>
    <message>
        <source>Search name, SKU, barcode, maker, region</source>
        <translation>Cari nama, SKU, barcode, perajin, daerah</translation>
    </message>
    <message>
        <source>reason, for example: new delivery</source>
        <translation>alasan, misalnya: kiriman baru</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation>Penyesuaian stok</translation>
    </message>
    <message>
        <source>Active (on sale)</source>
        <translation>Aktif (dijual)</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Produk baru</translation>
    </message>
    <message>
        <source>Save product</source>
        <translation>Simpan produk</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Sesuaikan stok</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Stock change (minus removes)</source>
        <translation>Perubahan stok (minus = mengurangi)</translation>
    </message>
    <message>
        <source>Reason for the stock change</source>
        <translation>Alasan perubahan stok</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Choose a product in the table first.</source>
        <translation>Pilih produk di tabel dulu.</translation>
    </message>
    <message>
        <source>{sku}: {stock} in stock</source>
        <translation>{sku}: stok {stock}</translation>
    </message>
    <message>
        <source>Saved {sku}.</source>
        <translation>{sku} disimpan.</translation>
    </message>
    <message>
        <source>Stock of {sku} is now {stock}.</source>
        <translation>Stok {sku} sekarang {stock}.</translation>
    </message>
    <message>
        <source>Catalog imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Katalog diimpor: {added} ditambah, {updated} diperbarui, {unchanged} tidak berubah.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Kesalahan tak terduga: {error}</translation>
    </message>
    <message>
        <source>Photo of {sku} saved.</source>
        <translation>Foto {sku} disimpan.</translation>
    </message>
    <message>
        <source>Photo of {sku} removed.</source>
        <translation>Foto {sku} dihapus.</translation>
    </message>
</context>
<context>
    <name>CatalogImportBox</name>
    <message>
        <source>Import a catalog file (.csv or .xlsx)</source>
        <translation>Impor file katalog (.csv atau .xlsx)</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Impor file…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Kemajuan impor</translation>
    </message>
    <message>
        <source>Problems in the catalog file</source>
        <translation>Masalah di file katalog</translation>
    </message>
    <message>
        <source>Import a catalog file</source>
        <translation>Impor file katalog</translation>
    </message>
    <message>
        <source>Catalog files (*.csv *.xlsx *.xlsm)</source>
        <translation>File katalog (*.csv *.xlsx *.xlsm)</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>The catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>The products this stand sells, with price and stock.</source>
        <translation>Produk yang dijual stan ini, dengan harga dan stok.</translation>
    </message>
    <message>
        <source>Demo catalog (handicrafts from Jawa Timur)</source>
        <translation>Katalog contoh (kerajinan dari Jawa Timur)</translation>
    </message>
    <message>
        <source>Demo catalog</source>
        <translation>Katalog contoh</translation>
    </message>
    <message>
        <source>Import a file (CSV or Excel)</source>
        <translation>Impor file (CSV atau Excel)</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Impor file</translation>
    </message>
    <message>
        <source>Catalog file (.csv or .xlsx)</source>
        <translation>File katalog (.csv atau .xlsx)</translation>
    </message>
    <message>
        <source>Catalog file</source>
        <translation>File katalog</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Choose the catalog file</source>
        <translation>Pilih file katalog</translation>
    </message>
    <message>
        <source>Problems in the catalog file</source>
        <translation>Masalah di file katalog</translation>
    </message>
    <message>
        <source>Catalog files (*.csv *.xlsx *.xlsm)</source>
        <translation>File katalog (*.csv *.xlsx *.xlsm)</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Kas seharusnya</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Kas dihitung</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Laporan Z</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Print Z report</source>
        <translation>Cetak laporan Z</translation>
    </message>
    <message>
        <source>Print the Z report</source>
        <translation>Cetak laporan Z ke printer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Belum ada shift yang dibuka.</translation>
    </message>
    <message>
        <source>Shift #{number}, opened by {name}</source>
        <translation>Shift #{number}, dibuka oleh {name}</translation>
    </message>
    <message>
        <source>Short {amount}</source>
        <translation>Kurang {amount}</translation>
    </message>
    <message>
        <source>Over {amount}</source>
        <translation>Lebih {amount}</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>The Z report is printing: the printer state is in the status bar.</source>
        <translation>Laporan Z sedang dicetak: keadaan printer tampil di bilah status.</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Hitung ulang</translation>
    </message>
    <message>
        <source>This is my count (Enter)</source>
        <translation>Ini hitungan saya (Enter)</translation>
    </message>
    <message>
        <source>This is my count</source>
        <translation>Ini hitungan saya</translation>
    </message>
    <message>
        <source>Continue (Enter)</source>
        <translation>Lanjut (Enter)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <source>Yes, the drawer is empty</source>
        <translation>Ya, laci memang kosong</translation>
    </message>
    <message>
        <source>Close shift (supervisor PIN)</source>
        <translation>Tutup shift (PIN supervisor)</translation>
    </message>
    <message>
        <source>Close shift now</source>
        <translation>Tutup shift sekarang</translation>
    </message>
    <message>
        <source>Count the cash in the drawer, then press “This is my count”. The expected cash appears after that.</source>
        <translation>Hitung uang di laci, lalu tekan “Ini hitungan saya”. Jumlah seharusnya baru muncul sesudah itu.</translation>
    </message>
    <message>
        <source>Count the cash in the drawer: the number of each note and coin.</source>
        <translation>Hitung uang di laci: isi jumlah lembar atau keping tiap pecahan.</translation>
    </message>
    <message>
        <source>Empty drawer? Counted {amount}</source>
        <translation>Laci kosong? Hitungan {amount}</translation>
    </message>
    <message>
        <source>Count the cash first, or go on if the drawer really is empty.</source>
        <translation>Hitung dulu uangnya, atau lanjutkan bila laci memang kosong.</translation>
    </message>
    <message>
        <source>Close the shift now? Counted cash: {amount}</source>
        <translation>Tutup shift sekarang? Kas dihitung: {amount}</translation>
    </message>
    <message>
        <source>Your count is taken. You may count once more, or close the shift.</source>
        <translation>Hitungan sudah dicatat. Anda boleh menghitung ulang sekali lagi, atau menutup shift.</translation>
    </message>
    <message>
        <source>The difference is more than {limit}: a supervisor approves closing the shift with their PIN.</source>
        <translation>Selisihnya lebih dari {limit}: penutupan shift perlu disetujui supervisor dengan PIN-nya.</translation>
    </message>
</context>
<context>
    <name>CurrencyEstimate</name>
    <message>
        <source>≈ {total} · balance ≈ {balance} (estimate at {rate})</source>
        <translation>≈ {total} · sisa ≈ {balance} (perkiraan kurs {rate})</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display: {stand}</source>
        <extracomment>Cart lines shown at most; older lines are summed up in one &quot;more above&quot; row.</extracomment>
        <translation>Layar pelanggan: {stand}</translation>
    </message>
    <message>
        <source>Welcome to {stand}</source>
        <translation>Selamat datang di {stand}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Scan to pay with QRIS</source>
        <translation>Pindai untuk bayar dengan QRIS</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Your purchase</source>
        <translation>Belanjaan Anda</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>{name}
{quantity} x {price} = {total}</source>
        <translation>{name}
{quantity} x {price} = {total}</translation>
    </message>
    <message>
        <source>… {count} more items above</source>
        <translation>… {count} barang lagi di atas</translation>
    </message>
    <message>
        <source>Discount {amount}</source>
        <translation>Diskon {amount}</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Kembalian {amount}</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close the customer display</source>
        <translation>Tutup layar pelanggan</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>All days</source>
        <translation>Semua hari</translation>
    </message>
    <message>
        <source>All stands</source>
        <translation>Semua stan</translation>
    </message>
    <message>
        <source>{stands} stands · {sales} sales · gross {gross} · discounts {discounts} · refunds {refunds} · net {net}</source>
        <translation>{stands} stan · {sales} penjualan · bruto {gross} · diskon {discounts} · retur {refunds} · bersih {net}</translation>
    </message>
    <message>
        <source>The table counts every day; the chart counts {day} only.</source>
        <translation>Tabel menghitung semua hari; grafik hanya menghitung {day}.</translation>
    </message>
    <message>
        <source>Net sales by {dimension}</source>
        <translation>Penjualan bersih per {dimension}</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>No sales for this choice yet</source>
        <translation>Belum ada penjualan untuk pilihan ini</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Maker group</source>
        <translation>Kelompok perajin</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Hari:</translation>
    </message>
    <message>
        <source>Stand:</source>
        <translation>Stan:</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Grafik:</translation>
    </message>
    <message>
        <source>Show one day or all days</source>
        <translation>Tampilkan satu hari atau semua hari</translation>
    </message>
    <message>
        <source>Show one stand or all stands</source>
        <translation>Tampilkan satu stan atau semua stan</translation>
    </message>
    <message>
        <source>What the chart shows</source>
        <translation>Isi grafik</translation>
    </message>
    <message>
        <source>Stands and their totals</source>
        <translation>Stan dan totalnya</translation>
    </message>
    <message>
        <source>Stands or orders</source>
        <translation>Stan atau pesanan</translation>
    </message>
    <message>
        <source>Stands</source>
        <translation>Stan</translation>
    </message>
</context>
<context>
    <name>DataSettingsBox</name>
    <message>
        <source>Sync and backups</source>
        <translation>Sinkron dan cadangan</translation>
    </message>
    <message>
        <source>Central store</source>
        <translation>Data pusat</translation>
    </message>
    <message>
        <source>empty: no sync</source>
        <translation>kosong: tanpa sinkron</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Choose the central store file</source>
        <translation>Pilih file data pusat</translation>
    </message>
    <message>
        <source>Where Sync now (F5) sends the sales: a file the organizers chose (on a USB stick or a shared folder), or the postgresql:// URL of their server.</source>
        <translation>Tujuan Sinkronkan sekarang (F5) mengirim penjualan: file yang dipilih panitia (di flashdisk atau folder bersama), atau URL postgresql:// server panitia.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>empty: no backups</source>
        <translation>kosong: tanpa cadangan</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Pilih folder…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Pilih folder cadangan</translation>
    </message>
    <message>
        <source>A USB stick or another disk: a copy of the stand&apos;s data goes there every few sales and at every shift close; the oldest copies beyond those kept are removed.</source>
        <translation>Flashdisk atau disk lain: salinan data stan disimpan di sana setiap beberapa penjualan dan setiap tutup shift; salinan terlama di luar jumlah yang disimpan dihapus.</translation>
    </message>
    <message>
        <source>Sales between two backups</source>
        <translation>Penjualan antar dua cadangan</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Cadangan yang disimpan</translation>
    </message>
    <message>
        <source>Central store (*.sqlite);;All files (*)</source>
        <translation>Data pusat (*.sqlite);;Semua file (*)</translation>
    </message>
    <message>
        <source>Joined event {event}</source>
        <translation>Sudah tergabung di acara {event}</translation>
    </message>
    <message>
        <source>Not joined yet: the organizers give the event key</source>
        <translation>Belum tergabung di acara: kunci acara diberikan oleh panitia</translation>
    </message>
    <message>
        <source>Join another event…</source>
        <translation>Gabung ke acara lain…</translation>
    </message>
    <message>
        <source>Join event…</source>
        <translation>Gabung ke acara…</translation>
    </message>
</context>
<context>
    <name>DraftLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Disisihkan</translation>
    </message>
    <message>
        <source>made to order</source>
        <translation>dibuat sesuai pesanan</translation>
    </message>
    <message>
        <source>{sku} · {n} in stock</source>
        <translation>{sku} · stok {n}</translation>
    </message>
</context>
<context>
    <name>EntryBar</name>
    <message>
        <source>Search: name, SKU, barcode, maker group (F2)</source>
        <translation>Cari: nama, SKU, barcode, kelompok perajin (F2)</translation>
    </message>
    <message>
        <source>Type or scan a code, Enter (F3)</source>
        <translation>Ketik atau pindai kode, Enter (F3)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Kosongkan pencarian</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Item not found: {code}. Check the code, or search by name (F2).</source>
        <translation>Barang tidak ditemukan: {code}. Periksa kodenya, atau cari dengan nama (F2).</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Selling</source>
        <translation>Layar penjualan</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>After paying</source>
        <translation>Setelah bayar</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Di semua layar</translation>
    </message>
    <message>
        <source>Customer display (docked)</source>
        <translation>Layar pelanggan (di pojok jendela)</translation>
    </message>
    <message>
        <source>Show or close this list of keys</source>
        <translation>Tampilkan atau tutup daftar tombol ini</translation>
    </message>
    <message>
        <source>The same list of keys (when not typing in a field)</source>
        <translation>Daftar tombol yang sama (saat tidak sedang mengetik di kolom)</translation>
    </message>
    <message>
        <source>Search products: name, SKU, barcode, maker group; Down goes to the results, Enter adds</source>
        <translation>Cari barang: nama, SKU, barcode, kelompok perajin; panah bawah ke hasil, Enter menambahkan</translation>
    </message>
    <message>
        <source>Type or scan a product&apos;s code</source>
        <translation>Ketik atau pindai kode barang</translation>
    </message>
    <message>
        <source>Change the quantity of the selected line</source>
        <translation>Ubah jumlah barang di baris yang dipilih</translation>
    </message>
    <message>
        <source>Sync with the central store now</source>
        <translation>Sinkronkan sekarang dengan data pusat</translation>
    </message>
    <message>
        <source>Other item (free price): an item not in the catalog</source>
        <translation>Barang lain (harga bebas): barang yang tidak ada di katalog</translation>
    </message>
    <message>
        <source>Discount on the selected item</source>
        <translation>Diskon per barang (baris yang dipilih)</translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation>Diskon untuk seluruh belanjaan</translation>
    </message>
    <message>
        <source>Sales history: void, refund, print a copy</source>
        <translation>Riwayat penjualan: pembatalan, retur, cetak salinan</translation>
    </message>
    <message>
        <source>The orders list</source>
        <translation>Daftar pesanan</translation>
    </message>
    <message>
        <source>The catalog: products, prices, stock</source>
        <translation>Katalog: barang, harga, stok</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bayar</translation>
    </message>
    <message>
        <source>A new order (the cart&apos;s items, for later)</source>
        <translation>Pesanan baru (isi keranjang, diambil nanti)</translation>
    </message>
    <message>
        <source>Remove the selected line</source>
        <translation>Hapus baris yang dipilih</translation>
    </message>
    <message>
        <source>One more of the selected line</source>
        <translation>Tambah satu di baris yang dipilih</translation>
    </message>
    <message>
        <source>One less of the selected line</source>
        <translation>Kurangi satu di baris yang dipilih</translation>
    </message>
    <message>
        <source>Change cashier</source>
        <translation>Ganti kasir</translation>
    </message>
    <message>
        <source>Open or close the customer display</source>
        <translation>Buka atau tutup layar pembeli</translation>
    </message>
    <message>
        <source>Close the customer display (after clicking it)</source>
        <translation>Tutup layar pelanggan (setelah diklik)</translation>
    </message>
    <message>
        <source>Pay in cash</source>
        <translation>Bayar tunai</translation>
    </message>
    <message>
        <source>Pay by QRIS</source>
        <translation>Bayar dengan QRIS</translation>
    </message>
    <message>
        <source>Pay by card (the bank&apos;s terminal)</source>
        <translation>Bayar dengan kartu (mesin EDC bank)</translation>
    </message>
    <message>
        <source>Pay by bank transfer</source>
        <translation>Bayar dengan transfer bank</translation>
    </message>
    <message>
        <source>Cash: the exact amount</source>
        <translation>Tunai: uang pas</translation>
    </message>
    <message>
        <source>Cash: the 2nd quick amount</source>
        <translation>Tunai: nominal cepat ke-2</translation>
    </message>
    <message>
        <source>Cash: the 3rd quick amount</source>
        <translation>Tunai: nominal cepat ke-3</translation>
    </message>
    <message>
        <source>Cash: the 4th quick amount</source>
        <translation>Tunai: nominal cepat ke-4</translation>
    </message>
    <message>
        <source>Cash: the 5th quick amount</source>
        <translation>Tunai: nominal cepat ke-5</translation>
    </message>
    <message>
        <source>Split the payment (part cash, part another way)</source>
        <translation>Bayar dengan dua cara (sebagian tunai, sisanya cara lain)</translation>
    </message>
    <message>
        <source>Print the QRIS code for the amount due on a slip</source>
        <translation>Cetak kode QRIS sebesar tagihan di slip</translation>
    </message>
    <message>
        <source>Confirm the payment</source>
        <translation>Konfirmasi pembayaran</translation>
    </message>
    <message>
        <source>Back to the cart</source>
        <translation>Kembali ke keranjang</translation>
    </message>
    <message>
        <source>Start the next sale</source>
        <translation>Mulai transaksi baru</translation>
    </message>
    <message>
        <source>Print the receipt again</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol pintas</translation>
    </message>
    <message>
        <source>Esc, F1 or a click closes this list.</source>
        <translation>Tekan Esc atau F1, atau klik di mana saja untuk menutup daftar ini.</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close the list of keys</source>
        <translation>Tutup daftar tombol</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <source>All shifts</source>
        <translation>Semua shift</translation>
    </message>
    <message>
        <source>Show the sales of all shifts</source>
        <translation>Tampilkan penjualan semua shift</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Open receipt</source>
        <translation>Buka struk</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Search by receipt number or amount</source>
        <translation>Cari nomor struk atau nominal</translation>
    </message>
    <message>
        <source>Scan or type a receipt number</source>
        <translation>Pindai atau ketik nomor struk</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <source>Sale {receipt} voided: {amount} taken off the shift.</source>
        <translation>Penjualan {receipt} dibatalkan: {amount} dikurangi dari shift.</translation>
    </message>
    <message>
        <source>Void sale {receipt} ({amount})</source>
        <translation>Batalkan penjualan {receipt} ({amount})</translation>
    </message>
    <message>
        <source>Choose how many to refund on at least one line.</source>
        <translation>Pilih jumlah yang diretur, minimal di satu baris.</translation>
    </message>
    <message>
        <source>Refund {refund}: give back {amount} ({method}).</source>
        <translation>Retur {refund}: kembalikan {amount} ({method}).</translation>
    </message>
    <message>
        <source>Refund {count} item(s) of sale {receipt} by {method}</source>
        <translation>Retur {count} barang dari penjualan {receipt} lewat {method}</translation>
    </message>
    <message>
        <source>Open a sale first: scan or type its receipt number.</source>
        <translation>Buka penjualannya dulu: pindai atau ketik nomor struknya.</translation>
    </message>
    <message>
        <source>Give a reason first.</source>
        <translation>Isi alasannya dulu.</translation>
    </message>
</context>
<context>
    <name>JoinEventDialog</name>
    <message>
        <source>Join the event</source>
        <translation>Gabung ke acara</translation>
    </message>
    <message>
        <source>Type the organizers&apos; event key (14 groups of 4 letters and digits; spaces, dashes and small letters do not matter), or scan its QR code with the scanner.</source>
        <translation>Ketik kunci acara dari panitia (14 kelompok berisi 4 huruf dan angka; spasi, tanda hubung dan huruf kecil tidak masalah), atau pindai kode QR-nya dengan pemindai.</translation>
    </message>
    <message>
        <source>This stand joined event {event}.</source>
        <translation>Stan ini sudah tergabung di acara {event}.</translation>
    </message>
    <message>
        <source>This stand has not joined an event yet.</source>
        <translation>Stan ini belum tergabung di acara apa pun.</translation>
    </message>
    <message>
        <source>Event key</source>
        <translation>Kunci acara</translation>
    </message>
    <message>
        <source>for example 7K3M-…</source>
        <translation>misalnya 7K3M-…</translation>
    </message>
    <message>
        <source>Replace the event</source>
        <translation>Ganti acara</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Gabung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>This stand joined event {old}. Join event {new} instead? Its sales will be sent for event {new}. Press Replace the event to confirm.</source>
        <translation>Stan ini sudah tergabung di acara {old}. Gabung ke acara {new} sebagai gantinya? Penjualannya akan dikirim untuk acara {new}. Tekan Ganti acara untuk memastikan.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Pilih nama Anda</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Ketik PIN Anda</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete one digit</source>
        <translation>Hapus satu angka</translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation>Pilih nama Anda dulu</translation>
    </message>
    <message>
        <source>Type your PIN, then Enter</source>
        <translation>Ketik PIN Anda, lalu tekan Enter</translation>
    </message>
</context>
<context>
    <name>MergePanel</name>
    <message>
        <source>Merge export files</source>
        <extracomment>The merge outcomes shown at once (a longer list scrolls).</extracomment>
        <translation>Gabungkan file ekspor</translation>
    </message>
    <message>
        <source>posapp export files (*.posexport);;All files (*)</source>
        <translation>File ekspor posapp (*.posexport);;Semua file (*)</translation>
    </message>
    <message>
        <source>{file}: merged {n} entries of stand {stand}</source>
        <translation>{file}: {n} catatan stan {stand} digabungkan</translation>
    </message>
    <message>
        <source>{file}: already merged (stand {stand}, entries up to {seq})</source>
        <translation>{file}: sudah pernah digabungkan (stan {stand}, catatan sampai {seq})</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>kesalahan tak terduga: {error}</translation>
    </message>
    <message>
        <source>{file}: refused: {reason}</source>
        <translation>{file}: ditolak: {reason}</translation>
    </message>
    <message>
        <source>Event key</source>
        <translation>Kunci acara</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Drop the stands&apos; export files (.posexport) on this window to merge them.</source>
        <translation>Seret file ekspor stan (.posexport) ke jendela ini untuk menggabungkannya.</translation>
    </message>
    <message>
        <source>Merge files…</source>
        <translation>Gabungkan file…</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>Kemajuan penggabungan</translation>
    </message>
    <message>
        <source>Result of each file</source>
        <translation>Hasil tiap file</translation>
    </message>
    <message>
        <source>This computer does not have the event key of this central store yet. Type the organizers&apos; event key:</source>
        <translation>Komputer ini belum menyimpan kunci acara untuk data pusat ini. Ketik kunci acara dari panitia:</translation>
    </message>
</context>
<context>
    <name>OpenActions</name>
    <message>
        <source>Central store (*.sqlite *.db);;All files (*)</source>
        <translation>Data pusat (*.sqlite *.db);;Semua file (*)</translation>
    </message>
    <message>
        <source>Open a central store file</source>
        <translation>Buka file data pusat</translation>
    </message>
    <message>
        <source>New central store file</source>
        <translation>File data pusat baru</translation>
    </message>
    <message>
        <source>Central store on a server</source>
        <translation>Data pusat di server</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user@server/database):</source>
        <translation>URL PostgreSQL (postgresql://pengguna@server/database):</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type a URL that starts with postgresql://</source>
        <translation>Ketik URL yang diawali postgresql://</translation>
    </message>
</context>
<context>
    <name>OpenShiftPage</name>
    <message>
        <source>Open a shift</source>
        <translation>Buka shift</translation>
    </message>
    <message>
        <source>Opening cash in the drawer (Rp)</source>
        <translation>Modal awal di laci kas (Rp)</translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation>Buka shift (Enter)</translation>
    </message>
    <message>
        <source>Opening cash</source>
        <translation>Modal awal</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Buka shift</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Order {number}: {amount} paid, balance due {balance}.</source>
        <translation>Pesanan {number}: {amount} dibayar, sisa tagihan {balance}.</translation>
    </message>
    <message>
        <source>Change {amount}.</source>
        <translation>Kembalian {amount}.</translation>
    </message>
    <message>
        <source>Order {number} is ready for {buyer}.</source>
        <translation>Pesanan {number} siap untuk {buyer}.</translation>
    </message>
    <message>
        <source>Choose how many pieces to hand over on at least one line.</source>
        <translation>Pilih berapa potong yang diserahkan, paling sedikit di satu baris.</translation>
    </message>
    <message>
        <source>Order {number} handed over to {buyer}.</source>
        <translation>Pesanan {number} sudah diserahkan kepada {buyer}.</translation>
    </message>
    <message>
        <source>Part of order {number} handed over; balance due {balance}.</source>
        <translation>Sebagian pesanan {number} diserahkan; sisa tagihan {balance}.</translation>
    </message>
    <message>
        <source>Order {number} cancelled: give {amount} back ({method}).</source>
        <translation>Pesanan {number} dibatalkan: kembalikan {amount} ({method}).</translation>
    </message>
    <message>
        <source>Order {number} cancelled; the {amount} paid is kept.</source>
        <translation>Pesanan {number} dibatalkan; {amount} yang sudah dibayar tidak dikembalikan.</translation>
    </message>
    <message>
        <source>Order {number} cancelled.</source>
        <translation>Pesanan {number} dibatalkan.</translation>
    </message>
    <message>
        <source>The slip of order {number} goes to the printer.</source>
        <translation>Nota pesanan {number} dikirim ke printer.</translation>
    </message>
</context>
<context>
    <name>OrderCancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Batalkan pesanan {number}</translation>
    </message>
    <message>
        <source>Cancel order {number} of {buyer} ({total}, paid {paid})? A supervisor approves.</source>
        <translation>Batalkan pesanan {number} atas nama {buyer} ({total}, dibayar {paid})? Supervisor yang menyetujui.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Why the order is cancelled</source>
        <translation>Mengapa pesanan dibatalkan</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Alasan pembatalan</translation>
    </message>
    <message>
        <source>Give the {amount} paid back</source>
        <translation>Kembalikan {amount} yang sudah dibayar</translation>
    </message>
    <message>
        <source>Give the deposit back</source>
        <translation>Kembalikan DP</translation>
    </message>
    <message>
        <source>Keep the {amount} paid (the buyer gets nothing back)</source>
        <translation>{amount} yang sudah dibayar tidak dikembalikan (pembeli tidak menerima apa pun)</translation>
    </message>
    <message>
        <source>Keep the deposit</source>
        <translation>DP tidak dikembalikan</translation>
    </message>
    <message>
        <source>Give back by</source>
        <translation>Kembalikan dengan</translation>
    </message>
    <message>
        <source>Give the deposit back by</source>
        <translation>Kembalikan DP dengan</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <source>Back without cancelling</source>
        <translation>Kembali tanpa membatalkan</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Batalkan pesanan</translation>
    </message>
    <message>
        <source>Give a reason first.</source>
        <translation>Isi alasannya dulu.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New order</source>
        <translation>Pesanan baru</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tanggal jadi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The buyer&apos;s name</source>
        <translation>Nama pembeli</translation>
    </message>
    <message>
        <source>Buyer&apos;s name</source>
        <translation>Nama pembeli</translation>
    </message>
    <message>
        <source>for example +62 812 3456 7890</source>
        <translation>misalnya +62 812 3456 7890</translation>
    </message>
    <message>
        <source>Buyer&apos;s phone or WhatsApp</source>
        <translation>Telepon atau WhatsApp pembeli</translation>
    </message>
    <message>
        <source>for example buyer@example.com</source>
        <translation>misalnya pembeli@contoh.com</translation>
    </message>
    <message>
        <source>Buyer&apos;s email</source>
        <translation>Email pembeli</translation>
    </message>
    <message>
        <source>Street, town, postcode, country</source>
        <translation>Jalan, kota, kode pos, negara</translation>
    </message>
    <message>
        <source>Address to ship to</source>
        <translation>Alamat pengiriman</translation>
    </message>
    <message>
        <source>Anything the maker or courier should know</source>
        <translation>Hal yang perlu diketahui perajin atau kurir</translation>
    </message>
    <message>
        <source>Note on the order</source>
        <translation>Catatan pesanan</translation>
    </message>
    <message>
        <source>Country (choose or type)</source>
        <translation>Negara (pilih atau ketik)</translation>
    </message>
    <message>
        <source>Buyer&apos;s country</source>
        <translation>Negara pembeli</translation>
    </message>
    <message>
        <source>Picked up at the stand</source>
        <translation>Diambil di stan</translation>
    </message>
    <message>
        <source>Shipped to the buyer</source>
        <translation>Dikirim ke pembeli</translation>
    </message>
    <message>
        <source>Take a deposit</source>
        <translation>Terima DP</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel the new order</source>
        <translation>Batalkan pesanan baru</translation>
    </message>
    <message>
        <source>Save order</source>
        <translation>Simpan pesanan</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Total pesanan</translation>
    </message>
    <message>
        <source>The cart&apos;s discounts are not carried over: an order takes the catalog prices.</source>
        <translation>Diskon di keranjang tidak ikut: pesanan memakai harga katalog.</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>No deposit</source>
        <translation>Tanpa DP</translation>
    </message>
    <message>
        <source>Balance due {amount}</source>
        <translation>Sisa tagihan {amount}</translation>
    </message>
    <message>
        <source>Add what the buyer orders first.</source>
        <translation>Tambahkan dulu barang yang dipesan.</translation>
    </message>
    <message>
        <source>Type the address to ship to, or choose pick-up.</source>
        <translation>Ketik alamat pengiriman, atau pilih diambil di stan.</translation>
    </message>
    <message>
        <source>Order {number} saved. Balance due {balance}, by {due}.</source>
        <translation>Pesanan {number} tersimpan. Sisa tagihan {balance}, selesai {due}.</translation>
    </message>
    <message>
        <source>{n} piece(s) from stock are kept for it.</source>
        <translation>{n} potong dari stok disisihkan untuknya.</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <source>From the catalog</source>
        <translation>Dari katalog</translation>
    </message>
    <message>
        <source>Made to order</source>
        <translation>Dibuat sesuai pesanan</translation>
    </message>
    <message>
        <source>Scan or type a code, or search the catalog, Enter</source>
        <translation>Pindai atau ketik kode, atau cari di katalog, Enter</translation>
    </message>
    <message>
        <source>Catalog item to order</source>
        <translation>Barang katalog yang dipesan</translation>
    </message>
    <message>
        <source>Description: motif, size, colour</source>
        <translation>Keterangan: motif, ukuran, warna</translation>
    </message>
    <message>
        <source>Description of the made-to-order item</source>
        <translation>Keterangan barang pesanan khusus</translation>
    </message>
    <message>
        <source>Agreed price per piece (Rp)</source>
        <translation>Harga sepakat per potong (Rp)</translation>
    </message>
    <message>
        <source>Agreed price per piece</source>
        <translation>Harga sepakat per potong</translation>
    </message>
    <message>
        <source>Pieces of the catalog item</source>
        <translation>Jumlah barang katalog</translation>
    </message>
    <message>
        <source>Pieces made to order</source>
        <translation>Jumlah yang dibuat</translation>
    </message>
    <message>
        <source>Catalog items found</source>
        <translation>Barang katalog yang ditemukan</translation>
    </message>
    <message>
        <source>Lines of the order</source>
        <translation>Baris pesanan</translation>
    </message>
    <message>
        <source>Add made-to-order item</source>
        <translation>Tambah barang pesanan khusus</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Hapus baris</translation>
    </message>
    <message>
        <source>{name} has no fixed price: type the agreed price, then Add.</source>
        <translation>{name} tidak punya harga tetap: ketik harga yang disepakati, lalu Tambah.</translation>
    </message>
    <message>
        <source>Several products match: pick one from the list</source>
        <translation>Beberapa produk cocok: pilih satu dari daftar</translation>
    </message>
    <message>
        <source>Pieces: {item}</source>
        <translation>Jumlah: {item}</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Disisihkan</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Serahkan</translation>
    </message>
</context>
<context>
    <name>OrderMenu</name>
    <message>
        <source>QRIS slip sent to the printer</source>
        <translation>Slip QRIS dikirim ke printer</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <source>Picked up, or the courier and tracking number</source>
        <translation>Diambil sendiri, atau kurir dan nomor resi</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>Bayar…</translation>
    </message>
    <message>
        <source>Pay towards the order</source>
        <translation>Bayar untuk pesanan</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Tandai siap</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Serahkan…</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Serahkan</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Batalkan pesanan…</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Batalkan pesanan</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Cetak nota</translation>
    </message>
    <message>
        <source>Print the order slip again</source>
        <translation>Cetak ulang nota pesanan</translation>
    </message>
    <message>
        <source>Lines of the order</source>
        <translation>Baris pesanan</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Pembayaran pesanan</translation>
    </message>
    <message>
        <source>Scan the order slip, type its number, or pick an order.</source>
        <translation>Pindai nota pesanan, ketik nomornya, atau pilih pesanan.</translation>
    </message>
    <message>
        <source>ship to {address}</source>
        <translation>kirim ke {address}</translation>
    </message>
    <message>
        <source>picked up at the stand</source>
        <translation>diambil di stan</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Selesai {date}</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>TERLAMBAT</translation>
    </message>
    <message>
        <source>Total {total} · paid {paid} · balance due {balance}</source>
        <translation>Total {total} · dibayar {paid} · sisa tagihan {balance}</translation>
    </message>
    <message>
        <source>Pieces to hand over: {item}</source>
        <translation>Jumlah yang diserahkan: {item}</translation>
    </message>
</context>
<context>
    <name>OrderPaymentDialog</name>
    <message>
        <source>Take deposit (Enter)</source>
        <translation>Terima DP (Enter)</translation>
    </message>
    <message>
        <source>Take deposit</source>
        <translation>Terima DP</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>Bayar (Enter)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bayar</translation>
    </message>
    <message>
        <source>Pay and hand over (Enter)</source>
        <translation>Bayar dan serahkan (Enter)</translation>
    </message>
    <message>
        <source>Pay and hand over</source>
        <translation>Bayar dan serahkan</translation>
    </message>
    <message>
        <source>Deposit for the order</source>
        <translation>DP pesanan</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Total pesanan</translation>
    </message>
    <message>
        <source>Order {number}: hand over</source>
        <translation>Pesanan {number}: serahkan</translation>
    </message>
    <message>
        <source>Order {number}: payment</source>
        <translation>Pesanan {number}: pembayaran</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <source>These pieces need at least {amount} now; the rest of the balance may be paid later.</source>
        <translation>Barang ini perlu dibayar paling sedikit {amount} sekarang; sisanya boleh dibayar nanti.</translation>
    </message>
    <message>
        <source>Type the amount of this payment first</source>
        <translation>Ketik dulu jumlah pembayaran ini</translation>
    </message>
    <message>
        <source>Pay %1 (Enter)</source>
        <translation>Bayar %1 (Enter)</translation>
    </message>
    <message>
        <source>Balance after the deposit</source>
        <translation>Sisa setelah DP</translation>
    </message>
    <message>
        <source>A deposit may be any amount up to the total, or nothing; it gives no change.</source>
        <translation>DP boleh berapa saja sampai sebesar total, atau tanpa DP; DP tidak diberi kembalian.</translation>
    </message>
    <message>
        <source>Left after this payment</source>
        <translation>Sisa setelah pembayaran ini</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <source>Back without paying</source>
        <translation>Kembali tanpa membayar</translation>
    </message>
    <message>
        <source>No deposit (Enter)</source>
        <translation>Tanpa DP (Enter)</translation>
    </message>
    <message>
        <source>No deposit</source>
        <translation>Tanpa DP</translation>
    </message>
    <message>
        <source>Take a deposit of %1 (Enter)</source>
        <translation>Terima DP %1 (Enter)</translation>
    </message>
    <message>
        <source>Take a deposit of %1</source>
        <translation>Terima DP %1</translation>
    </message>
    <message>
        <source>Pay in full</source>
        <translation>Bayar lunas</translation>
    </message>
    <message>
        <source>Pay %1 and hand over (Enter)</source>
        <translation>Bayar %1 dan serahkan (Enter)</translation>
    </message>
    <message>
        <source>Pay %1 and hand over</source>
        <translation>Bayar %1 dan serahkan</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Bayar %1</translation>
    </message>
</context>
<context>
    <name>OrderWords</name>
    <message>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>To collect (open and ready)</source>
        <translation>Belum diambil (terbuka dan siap)</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Semua pesanan</translation>
    </message>
    <message>
        <source>Show orders</source>
        <translation>Tampilkan pesanan</translation>
    </message>
    <message>
        <source>Search by order number or buyer</source>
        <translation>Cari menurut nomor pesanan atau pembeli</translation>
    </message>
    <message>
        <source>Scan or type an order number</source>
        <translation>Pindai atau ketik nomor pesanan</translation>
    </message>
    <message>
        <source>New order (Shift+F12)</source>
        <translation>Pesanan baru (Shift+F12)</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Pesanan baru</translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>Buka pesanan</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Pembeli</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tanggal jadi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Sisa tagihan</translation>
    </message>
</context>
<context>
    <name>OrdersPane</name>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Orders ({open} open, {overdue} overdue)</source>
        <translation>Pesanan ({open} terbuka, {overdue} terlambat)</translation>
    </message>
    <message>
        <source>Orders ({open} open)</source>
        <translation>Pesanan ({open} terbuka)</translation>
    </message>
    <message>
        <source>{orders} orders · {open} open · {overdue} overdue · deposits held {held} · balances due {due}</source>
        <translation>{orders} pesanan · {open} terbuka · {overdue} terlambat · DP ditahan {held} · sisa tagihan {due}</translation>
    </message>
    <message>
        <source>Orders for later delivery. Their money (deposits and balances) is kept apart from sales: it is in no net figure. Overdue: not handed over, due before today.</source>
        <translation>Pesanan untuk diserahkan kemudian. Uangnya (uang muka dan pelunasan) dicatat terpisah dari penjualan: tidak termasuk dalam angka neto mana pun. Terlambat: belum diserahkan dan jatuh tempo sebelum hari ini.</translation>
    </message>
    <message>
        <source>Orders per stand</source>
        <translation>Pesanan per stan</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Pesanan terbuka</translation>
    </message>
    <message>
        <source>Open orders, overdue ones in red</source>
        <translation>Pesanan terbuka, yang terlambat berwarna merah</translation>
    </message>
</context>
<context>
    <name>OrganizerWindow</name>
    <message>
        <source>Opening {target}…</source>
        <extracomment>The widest the &quot;open a central store&quot; help runs on the empty page.</extracomment>
        <translation>Membuka {target}…</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Kesalahan tak terduga: {error}</translation>
    </message>
    <message>
        <source>Cannot open {target}: {reason}</source>
        <translation>Tidak dapat membuka {target}: {reason}</translation>
    </message>
    <message>
        <source>Open or create a central store first, then drop the export files on it.</source>
        <translation>Buka atau buat data pusat dulu, lalu seret file ekspor ke jendela ini.</translation>
    </message>
    <message>
        <source>Central store</source>
        <translation>Data pusat</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Buka file…</translation>
    </message>
    <message>
        <source>Open a central store file</source>
        <translation>Buka file data pusat</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>File baru…</translation>
    </message>
    <message>
        <source>Make a new central store file</source>
        <translation>Buat file data pusat baru</translation>
    </message>
    <message>
        <source>Open URL…</source>
        <translation>Buka URL…</translation>
    </message>
    <message>
        <source>Open a central store on a server</source>
        <translation>Buka data pusat di server</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>Read the central store again</source>
        <translation>Baca ulang data pusat</translation>
    </message>
    <message>
        <source>Merge export files…</source>
        <translation>Gabungkan file ekspor…</translation>
    </message>
    <message>
        <source>Bahasa Indonesia / English</source>
        <translation>Bahasa Indonesia / English</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No central store is open</source>
        <translation>Belum ada data pusat yang dibuka</translation>
    </message>
    <message>
        <source>Open the central store file the stands sync into (Open file…), make a new one (New file…), or open one on a PostgreSQL server (Open URL…). Then drop the stands&apos; export files on this window to merge them.</source>
        <translation>Buka file data pusat tempat stan-stan menyinkronkan datanya (Buka file…), buat yang baru (File baru…), atau buka data pusat di server PostgreSQL (Buka URL…). Lalu seret file ekspor stan ke jendela ini untuk menggabungkannya.</translation>
    </message>
    <message>
        <source>posapp organizer</source>
        <translation>posapp panitia</translation>
    </message>
    <message>
        <source>Central store: {name}</source>
        <translation>Data pusat: {name}</translation>
    </message>
    <message>
        <source>Open {target} again</source>
        <translation>Buka lagi {target}</translation>
    </message>
    <message>
        <source>Open the last central store again</source>
        <translation>Buka lagi data pusat terakhir</translation>
    </message>
</context>
<context>
    <name>PaidView</name>
    <message>
        <source>Paid</source>
        <translation>Lunas</translation>
    </message>
    <message>
        <source>Change to give</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>Reprint receipt (%1)</source>
        <translation>Cetak ulang struk (%1)</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <source>New sale (Enter)</source>
        <translation>Transaksi baru (Enter)</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Transaksi baru</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Dibayar: %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Struk %1</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Total due</source>
        <translation>Total belanja</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <source>Back to the cart</source>
        <translation>Kembali ke keranjang</translation>
    </message>
    <message>
        <source>Pay %1 (Enter)</source>
        <translation>Bayar %1 (Enter)</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Bayar %1</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Supervisor approval</source>
        <translation>Persetujuan supervisor</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Setujui (Enter)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PrintJobsDialog</name>
    <message>
        <source>Print jobs</source>
        <translation>Antrean cetak</translation>
    </message>
    <message>
        <source>Print jobs waiting or not printed</source>
        <translation>Antrean cetak yang menunggu atau belum tercetak</translation>
    </message>
    <message>
        <source>Nothing is waiting: every receipt and report is printed.</source>
        <translation>Tidak ada yang menunggu: semua struk dan laporan sudah tercetak.</translation>
    </message>
    <message>
        <source>Print all again</source>
        <translation>Cetak ulang semua</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Print again: {job}</source>
        <translation>Cetak ulang: {job}</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <source>Receipt or report</source>
        <translation>Struk atau laporan</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Masuk antrean</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>X report, shift #{number}</source>
        <translation>Laporan X, shift #{number}</translation>
    </message>
    <message>
        <source>Z report, shift #{number}</source>
        <translation>Laporan Z, shift #{number}</translation>
    </message>
    <message>
        <source>{receipt} (copy)</source>
        <translation>{receipt} (salinan)</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Belum tercetak</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>QRIS slip, {amount}</source>
        <translation>Slip QRIS, {amount}</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <source>Print again</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Set up printer</source>
        <translation>Atur printer</translation>
    </message>
    <message>
        <source>Sell without a printer</source>
        <translation>Jual tanpa printer</translation>
    </message>
    <message>
        <source>Print the receipts again</source>
        <translation>Cetak ulang struk</translation>
    </message>
    <message>
        <source>Set up the printer</source>
        <translation>Atur printer</translation>
    </message>
    <message>
        <source>Sell without a printer (PDF receipts)</source>
        <translation>Jual tanpa printer (struk PDF)</translation>
    </message>
    <message>
        <source>This stand has no printer yet, so the receipt was not printed. Set one up now, or sell without a printer: receipts are then saved as PDF files in {folder}.</source>
        <translation>Stan ini belum punya printer, jadi struk belum tercetak. Atur printer sekarang, atau jual tanpa printer: struk disimpan sebagai file PDF di {folder}.</translation>
    </message>
    <message>
        <source>Receipt not printed: {reason}</source>
        <translation>Struk belum tercetak: {reason}</translation>
    </message>
    <message>
        <source>Receipt not printed.</source>
        <translation>Struk belum tercetak.</translation>
    </message>
    <message>
        <source>{n} receipts not printed: {reason}</source>
        <translation>{n} struk belum tercetak: {reason}</translation>
    </message>
    <message>
        <source>{n} receipts not printed.</source>
        <translation>{n} struk belum tercetak.</translation>
    </message>
    <message>
        <source>It prints by itself as soon as the printer answers again.</source>
        <translation>Struk akan tercetak otomatis begitu printer menjawab lagi.</translation>
    </message>
    <message>
        <source>They print by themselves as soon as the printer answers again.</source>
        <translation>Semua struk itu akan tercetak otomatis begitu printer menjawab lagi.</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>No item found: “{text}”. Check the spelling, or add it as “Other item (free price)” with F6.</source>
        <translation>Barang tidak ditemukan: “{text}”. Periksa ejaannya, atau tambahkan sebagai “Barang lain (harga bebas)” dengan F6.</translation>
    </message>
</context>
<context>
    <name>ProductPhotoBox</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>Product photo</source>
        <translation>Foto produk</translation>
    </message>
    <message>
        <source>No photo yet.</source>
        <translation>Belum ada foto.</translation>
    </message>
    <message>
        <source>Save the product first.</source>
        <translation>Simpan produknya dulu.</translation>
    </message>
    <message>
        <source>Replace photo…</source>
        <translation>Ganti foto…</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <source>Choose a photo of {name}</source>
        <translation>Pilih foto {name}</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.JPG *.JPEG *.PNG *.WEBP)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.JPG *.JPEG *.PNG *.WEBP)</translation>
    </message>
</context>
<context>
    <name>QrisView</name>
    <message>
        <source>QRIS code</source>
        <extracomment>Makes the QR image for an amount (the printing layer&apos;s job); None shows the placeholder.</extracomment>
        <translation>Kode QRIS</translation>
    </message>
    <message>
        <source>QRIS code for %1</source>
        <translation>Kode QRIS untuk %1</translation>
    </message>
    <message>
        <source>NO QRIS CODE: this stand has no QRIS set up
(Menu, Settings, stand QRIS code).
Amount: %1</source>
        <translation>BELUM ADA KODE QRIS: stan ini belum mengatur QRIS
(Menu, Pengaturan, Kode QRIS stan).
Nominal: %1</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>open-orders</source>
        <translation>pesanan-terbuka</translation>
    </message>
    <message>
        <source>report</source>
        <translation>laporan</translation>
    </message>
    <message>
        <source>Save the event report as PDF</source>
        <translation>Simpan laporan pameran sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the event report as Excel</source>
        <translation>Simpan laporan pameran sebagai Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the open orders</source>
        <translation>Simpan pesanan terbuka</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Open orders written to {path}: {orders} orders, {overdue} overdue, balances due {due}</source>
        <translation>Pesanan terbuka disimpan di {path}: {orders} pesanan, {overdue} terlambat, sisa tagihan {due}</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Laporan PDF</translation>
    </message>
    <message>
        <source>Excel report</source>
        <translation>Laporan Excel</translation>
    </message>
    <message>
        <source>{what} written to {path}: {stands} stands, net {net}</source>
        <translation>{what} disimpan di {path}: {stands} stan, neto {net}</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>kesalahan tak terduga: {error}</translation>
    </message>
    <message>
        <source>The PDF report was not written: {reason}</source>
        <translation>Laporan PDF tidak disimpan: {reason}</translation>
    </message>
    <message>
        <source>The Excel report was not written: {reason}</source>
        <translation>Laporan Excel tidak disimpan: {reason}</translation>
    </message>
    <message>
        <source>The open orders were not written: {reason}</source>
        <translation>Pesanan terbuka tidak disimpan: {reason}</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Laporan PDF…</translation>
    </message>
    <message>
        <source>Excel report…</source>
        <translation>Laporan Excel…</translation>
    </message>
    <message>
        <source>Open orders…</source>
        <translation>Pesanan terbuka…</translation>
    </message>
    <message>
        <source>Save the open orders for delivery, as Excel or CSV</source>
        <translation>Simpan pesanan terbuka untuk pengiriman, sebagai Excel atau CSV</translation>
    </message>
    <message>
        <source>Progress of the file being written</source>
        <translation>Kemajuan penyimpanan file</translation>
    </message>
</context>
<context>
    <name>SaleLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Diretur</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>Jml retur</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <source>Void sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <source>Refund selected</source>
        <translation>Retur yang dipilih</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Reason for the void or refund</source>
        <translation>Alasan pembatalan atau retur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Refund by</source>
        <translation>Kembalikan dana lewat</translation>
    </message>
    <message>
        <source>Lines of the sale</source>
        <translation>Baris penjualan</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Cara pengembalian dana</translation>
    </message>
    <message>
        <source>Receipt copy (sent to the printer)</source>
        <translation>Salinan struk (dikirim ke printer)</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Pratinjau struk</translation>
    </message>
    <message>
        <source>Quantity to refund: {item}</source>
        <translation>Jumlah diretur: {item}</translation>
    </message>
    <message>
        <source>Scan or type a receipt number, or pick a sale.</source>
        <translation>Pindai atau ketik nomor struk, atau pilih penjualan.</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Refunded {amount}</source>
        <translation>Diretur {amount}</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Nomor struk</translation>
    </message>
    <message>
        <source>Date and time of the sale</source>
        <translation>Tanggal dan jam penjualan</translation>
    </message>
    <message>
        <source>Total of the sale</source>
        <translation>Total penjualan</translation>
    </message>
    <message>
        <source>Voided or refunded</source>
        <translation>Dibatalkan atau diretur</translation>
    </message>
    <message>
        <source>Number of items sold</source>
        <translation>Jumlah barang terjual</translation>
    </message>
    <message>
        <source>Cashier who made the sale</source>
        <translation>Kasir yang melayani</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Diretur</translation>
    </message>
    <message>
        <source>{receipt} · {cashier} · {items} items</source>
        <translation>{receipt} · {cashier} · {items} barang</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Stand settings</source>
        <extracomment>The narrowest a column of the settings may be side by side with the other (its hints wrap into a few lines, its fields still show a path).</extracomment>
        <translation>Pengaturan stan</translation>
    </message>
    <message>
        <source>Till and printer</source>
        <translation>Kasir dan printer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <source>QRIS payload</source>
        <translation>Kode QRIS stan (teks di stiker)</translation>
    </message>
    <message>
        <source>Scanner ends a code with</source>
        <translation>Scanner mengakhiri kode dengan</translation>
    </message>
    <message>
        <source>Scanner key interval</source>
        <translation>Jeda antarkarakter pemindai (ms)</translation>
    </message>
    <message>
        <source>Cashier discount limit</source>
        <translation>Batas diskon kasir</translation>
    </message>
    <message>
        <source>empty: no printer</source>
        <translation>kosong: tanpa printer</translation>
    </message>
    <message>
        <source>For example network:192.168.1.50:9100, usb:04b8:0202, serial:COM3, file:/dev/usb/lp0, cups:TM-T20II or win32:EPSON TM-T20II Receipt. Leave it empty when the stand has no printer.</source>
        <translation>Misalnya network:192.168.1.50:9100, usb:04b8:0202, serial:COM3, file:/dev/usb/lp0, cups:TM-T20II atau win32:EPSON TM-T20II Receipt. Kosongkan bila stan tidak punya printer.</translation>
    </message>
    <message>
        <source>32 characters (58 mm paper)</source>
        <translation>32 karakter (kertas 58 mm)</translation>
    </message>
    <message>
        <source>42 characters (80 mm paper, small font)</source>
        <translation>42 karakter (kertas 80 mm, huruf kecil)</translation>
    </message>
    <message>
        <source>48 characters (80 mm paper)</source>
        <translation>48 karakter (kertas 80 mm)</translation>
    </message>
    <message>
        <source>the text in the stand&apos;s QRIS sticker (scan or paste it)</source>
        <translation>isi stiker QRIS stan (pindai atau tempel)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Keys typed faster than this count as one scan.</source>
        <translation>Ketikan yang lebih cepat dari ini dihitung satu kali pindai.</translation>
    </message>
    <message>
        <source>Larger discounts need a supervisor&apos;s PIN.</source>
        <translation>Diskon yang lebih besar perlu PIN supervisor.</translation>
    </message>
    <message>
        <source>Show a customer display on a second screen</source>
        <translation>Tampilkan layar pelanggan di monitor kedua</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Layar pelanggan</translation>
    </message>
    <message>
        <source>Open the cash drawer for cash sales and refunds (a drawer on the receipt printer)</source>
        <translation>Buka laci kas untuk penjualan dan retur tunai (laci yang tersambung ke printer struk)</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Laci kas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Tutup tanpa menyimpan</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this stand</source>
        <extracomment>The share of a large screen the set-up wizard opens at.</extracomment>
        <translation>Siapkan stan ini</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <source>Create the stand</source>
        <translation>Buat stan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stand %1 already exists in this data folder: open it instead, or choose another province.</source>
        <translation>Stan %1 sudah ada di folder data ini: buka stan itu saja, atau pilih provinsi lain.</translation>
    </message>
    <message>
        <source>Choose the catalog file, or take the demo catalog.</source>
        <translation>Pilih file katalog, atau pakai katalog contoh.</translation>
    </message>
    <message>
        <source>%1 products ready to import.</source>
        <translation>%1 produk siap diimpor.</translation>
    </message>
</context>
<context>
    <name>ShiftSettingsBox</name>
    <message>
        <source>Shift and supervisor limits</source>
        <translation>Shift dan batas persetujuan supervisor</translation>
    </message>
    <message>
        <source>Blind count</source>
        <translation>Hitung tanpa melihat jumlah seharusnya</translation>
    </message>
    <message>
        <source>The cashier counts the drawer without seeing the expected cash; it appears once the count is confirmed.</source>
        <translation>Kasir menghitung uang di laci tanpa melihat jumlah seharusnya; jumlah itu baru muncul setelah hitungan dikonfirmasi.</translation>
    </message>
    <message>
        <source>Cash difference that needs a supervisor</source>
        <translation>Selisih kas yang perlu persetujuan supervisor</translation>
    </message>
    <message>
        <source>e.g. 50.000</source>
        <translation>mis. 50.000</translation>
    </message>
    <message>
        <source>A count short or over by more than this closes the shift only with a supervisor&apos;s PIN. 0: every difference.</source>
        <translation>Bila hitungan kurang atau lebih dari batas ini, shift hanya bisa ditutup dengan PIN supervisor. Isi 0: setiap selisih perlu persetujuan.</translation>
    </message>
    <message>
        <source>Cash out that needs a supervisor</source>
        <translation>Uang keluar dari laci yang perlu persetujuan supervisor</translation>
    </message>
    <message>
        <source>e.g. 100.000</source>
        <translation>mis. 100.000</translation>
    </message>
    <message>
        <source>Taking more than this out of the drawer at once needs a supervisor&apos;s PIN.</source>
        <translation>Mengambil uang dari laci lebih dari jumlah ini sekaligus perlu PIN supervisor.</translation>
    </message>
    <message>
        <source>Lowest open price without a supervisor</source>
        <translation>Harga bebas terendah tanpa persetujuan supervisor</translation>
    </message>
    <message>
        <source>e.g. 1.000</source>
        <translation>mis. 1.000</translation>
    </message>
    <message>
        <source>A custom item, or a product without a catalog price, sold below this needs a supervisor&apos;s PIN.</source>
        <translation>Barang lain atau produk tanpa harga katalog yang dijual di bawah harga ini perlu PIN supervisor.</translation>
    </message>
</context>
<context>
    <name>StandActions</name>
    <message>
        <source>OK (Enter)</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Custom item</source>
        <translation>Barang lain (harga bebas)</translation>
    </message>
    <message>
        <source>Description (motif, size, colour)</source>
        <translation>Keterangan (motif, ukuran, warna)</translation>
    </message>
    <message>
        <source>Price (Rp)</source>
        <translation>Harga (Rp)</translation>
    </message>
    <message>
        <source>Price of this piece (Rp)</source>
        <translation>Harga barang ini (Rp)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>10% or an amount (empty: none)</source>
        <translation>10% atau nominal (kosong: tanpa diskon)</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Persetujuan supervisor</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>QRIS slip sent to the printer</source>
        <translation>Slip QRIS dikirim ke printer</translation>
    </message>
</context>
<context>
    <name>StandPage</name>
    <message>
        <source>The stand</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Choose the province this stand sells for.</source>
        <translation>Pilih provinsi yang diwakili stan ini.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Stand code</source>
        <translation>Kode stan</translation>
    </message>
    <message>
        <source>Stand name</source>
        <translation>Nama stan</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Choose the province</source>
        <translation>Pilih provinsi</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Nama acara</translation>
    </message>
    <message>
        <source>for example: HANI 2026 exhibition, Jakarta</source>
        <translation>misalnya: Pameran HANI 2026, Jakarta</translation>
    </message>
    <message>
        <source>Western Indonesia (WIB)</source>
        <translation>Waktu Indonesia Barat (WIB)</translation>
    </message>
    <message>
        <source>Central Indonesia (WITA)</source>
        <translation>Waktu Indonesia Tengah (WITA)</translation>
    </message>
    <message>
        <source>Eastern Indonesia (WIT)</source>
        <translation>Waktu Indonesia Timur (WIT)</translation>
    </message>
    <message>
        <source>Stand %1</source>
        <translation>Stan %1</translation>
    </message>
    <message>
        <source>Choose the province of this stand.</source>
        <translation>Pilih provinsi stan ini.</translation>
    </message>
    <message>
        <source>Give the stand a name, as it should appear on receipts.</source>
        <translation>Beri nama stan, seperti yang akan tercetak di struk.</translation>
    </message>
    <message>
        <source>Type the name of the event.</source>
        <translation>Ketik nama acaranya.</translation>
    </message>
</context>
<context>
    <name>StandWindow</name>
    <message>
        <source>posapp: {stand}</source>
        <translation>posapp: {stand}</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Sales history, void, refund (F9)</source>
        <translation>Riwayat penjualan, batal, retur (F9)</translation>
    </message>
    <message>
        <source>New order (Shift+F12)</source>
        <translation>Pesanan baru (Shift+F12)</translation>
    </message>
    <message>
        <source>Catalog (F11)</source>
        <translation>Katalog (F11)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Bahasa Indonesia / English</source>
        <translation>Bahasa Indonesia / English</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Layar pelanggan</translation>
    </message>
    <message>
        <source>Print the waiting print jobs again</source>
        <translation>Cetak ulang antrean cetak yang menunggu</translation>
    </message>
    <message>
        <source>Print jobs…</source>
        <translation>Antrean cetak…</translation>
    </message>
    <message>
        <source>Print X report (shift so far)</source>
        <translation>Cetak laporan X (shift sejauh ini)</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sinkronkan sekarang (F5)</translation>
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation>Ganti kasir (Ctrl+L)</translation>
    </message>
    <message>
        <source>Stand {code} · {province}</source>
        <translation>Stan {code} · {province}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Shift #{n}</source>
        <translation>Shift #{n}</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Belum ada shift</translation>
    </message>
    <message>
        <source>Click to see the print jobs</source>
        <translation>Klik untuk melihat antrean cetak</translation>
    </message>
    <message>
        <source>Orders to collect: {n}</source>
        <translation>Pesanan belum diambil: {n}</translation>
    </message>
    <message>
        <source>Click to sync now (F5)</source>
        <translation>Klik untuk menyinkronkan sekarang (F5)</translation>
    </message>
    <message>
        <source>Click to make a backup now</source>
        <translation>Klik untuk mencadangkan sekarang</translation>
    </message>
    <message>
        <source>Click to choose the backup folder (a USB stick)</source>
        <translation>Klik untuk memilih folder cadangan (flashdisk)</translation>
    </message>
    <message>
        <source>Orders (F10)</source>
        <translation>Pesanan (F10)</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Tutup shift…</translation>
    </message>
    <message>
        <source>Click to see the orders (F10)</source>
        <translation>Klik untuk melihat pesanan (F10)</translation>
    </message>
    <message>
        <source>Printer: printing…</source>
        <translation>Printer: mencetak…</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>Printer: siap</translation>
    </message>
    <message>
        <source>Printer: error</source>
        <translation>Printer: bermasalah</translation>
    </message>
    <message>
        <source>Printer: 1 receipt not printed</source>
        <translation>Printer: 1 struk belum tercetak</translation>
    </message>
    <message>
        <source>Printer: {n} receipts not printed</source>
        <translation>Printer: {n} struk belum tercetak</translation>
    </message>
</context>
<context>
    <name>SupervisorFields</name>
    <message>
        <source>Supervisor</source>
        <extracomment>What the guarded action gets: the supervisor&apos;s name and PIN; raises PosError to refuse.</extracomment>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Supervisor&apos;s name</source>
        <translation>Nama supervisor</translation>
    </message>
    <message>
        <source>Supervisor&apos;s PIN</source>
        <translation>PIN supervisor</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>The first supervisor</source>
        <translation>Supervisor pertama</translation>
    </message>
    <message>
        <source>The supervisor adds cashiers and approves voids, refunds and large discounts with their PIN.</source>
        <translation>Supervisor menambah kasir dan menyetujui pembatalan, retur, dan diskon besar dengan PIN-nya.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Ulangi PIN</translation>
    </message>
    <message>
        <source>PIN (6 to 8 digits)</source>
        <translation>PIN (6 sampai 8 angka)</translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation>Nama supervisor</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN supervisor</translation>
    </message>
    <message>
        <source>Supervisor PIN again</source>
        <translation>Ulangi PIN supervisor</translation>
    </message>
    <message>
        <source>Type the supervisor&apos;s name.</source>
        <translation>Ketik nama supervisor.</translation>
    </message>
    <message>
        <source>A supervisor&apos;s PIN is 6 to 8 digits.</source>
        <translation>PIN supervisor terdiri dari 6 sampai 8 angka.</translation>
    </message>
    <message>
        <source>The two PINs are not the same: type them again.</source>
        <translation>Kedua PIN tidak sama: ketik ulang.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing… {percent}%</source>
        <translation>Sedang sinkron… {percent}%</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sedang sinkron…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Belum pernah sinkron</translation>
    </message>
    <message>
        <source>Sync failed {time}: {reason}</source>
        <translation>Sinkron gagal {time}: {reason}</translation>
    </message>
    <message>
        <source>Synced {time} ✓ (1 entry)</source>
        <translation>Sinkron {time} ✓ (1 entri)</translation>
    </message>
    <message>
        <source>Synced {time} ✓ ({n} entries)</source>
        <translation>Sinkron {time} ✓ ({n} entri)</translation>
    </message>
    <message>
        <source>Sync failed {time}</source>
        <translation>Sinkron gagal {time}</translation>
    </message>
</context>
<context>
    <name>SyncSetupPage</name>
    <message>
        <source>The organizers&apos; event</source>
        <translation>Acara dari panitia</translation>
    </message>
    <message>
        <source>Both may stay empty: the stand sells without them, and they can be set later in the settings.</source>
        <translation>Keduanya boleh dikosongkan: stan tetap bisa berjualan tanpanya, dan keduanya bisa diatur nanti di pengaturan.</translation>
    </message>
    <message>
        <source>The event key signs this stand&apos;s sales for the organizers: type it from their paper (14 groups of 4), or scan its QR code. The central store is where Sync now sends the sales: a file (on a USB stick or a shared folder) or a postgresql:// URL.</source>
        <translation>Kunci acara menandai penjualan stan ini untuk panitia: ketik dari kertas panitia (14 kelompok berisi 4), atau pindai kode QR-nya. Data pusat adalah tujuan Sinkronkan sekarang mengirim penjualan: sebuah file (di flashdisk atau folder bersama) atau URL postgresql://.</translation>
    </message>
    <message>
        <source>Event key</source>
        <translation>Kunci acara</translation>
    </message>
    <message>
        <source>Central store</source>
        <translation>Data pusat</translation>
    </message>
    <message>
        <source>empty: join the event later</source>
        <translation>kosong: gabung ke acara nanti</translation>
    </message>
    <message>
        <source>empty: no sync for now</source>
        <translation>kosong: belum sinkron dulu</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Choose the central store file</source>
        <translation>Pilih file data pusat</translation>
    </message>
    <message>
        <source>Event {event}: the key is taken (it is not shown again).</source>
        <translation>Acara {event}: kuncinya sudah diterima (tidak ditampilkan lagi).</translation>
    </message>
    <message>
        <source>Central store (*.sqlite);;All files (*)</source>
        <translation>Data pusat (*.sqlite);;Semua file (*)</translation>
    </message>
</context>
<context>
    <name>TenderWidget</name>
    <message>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>Payments taken so far</source>
        <translation>Pembayaran yang sudah diterima</translation>
    </message>
    <message>
        <source>Pay by %1</source>
        <translation>Bayar dengan %1</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>Hapus pembayaran</translation>
    </message>
    <message>
        <source>QRIS slip (%1)</source>
        <translation>Slip QRIS (%1)</translation>
    </message>
    <message>
        <source>Print a QRIS slip</source>
        <translation>Cetak slip QRIS</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Uang diterima</translation>
    </message>
    <message>
        <source>QRIS amount</source>
        <translation>Nominal QRIS</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Invalid amount. Type digits only, for example 150.000</source>
        <translation>Jumlah tidak valid. Ketik angka saja, mis. 150.000</translation>
    </message>
    <message>
        <source>QRIS takes at most %1 in one payment: split the payment (%2) and take the rest another way</source>
        <translation>QRIS paling banyak %1 sekali bayar: bagi pembayaran (%2), sisanya dengan cara lain</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>Uang pas</translation>
    </message>
    <message>
        <source>Cash received: %1</source>
        <translation>Uang diterima: %1</translation>
    </message>
    <message>
        <source>Split payment: %1 of %2 paid</source>
        <translation>Pembayaran dibagi: %1 dari %2 sudah dibayar</translation>
    </message>
    <message>
        <source>Add this payment</source>
        <translation>Tambahkan pembayaran ini</translation>
    </message>
    <message>
        <source>Split payment</source>
        <translation>Bagi pembayaran</translation>
    </message>
    <message>
        <source>Leave empty for the exact amount, %1</source>
        <translation>Kosongkan untuk uang pas, %1</translation>
    </message>
    <message>
        <source>for example 150.000</source>
        <translation>misalnya 150.000</translation>
    </message>
    <message>
        <source>This stand has no QRIS code yet (Menu, Settings, stand QRIS code)</source>
        <translation>Stan ini belum punya kode QRIS (Menu, Pengaturan, Kode QRIS stan)</translation>
    </message>
    <message>
        <source>Type the QRIS amount to show its code</source>
        <translation>Ketik nominal QRIS untuk menampilkan kodenya</translation>
    </message>
    <message>
        <source>Scan to pay %1</source>
        <translation>Pindai untuk membayar %1</translation>
    </message>
    <message>
        <source>Type the amount of this payment first</source>
        <translation>Ketik dulu jumlah pembayaran ini</translation>
    </message>
    <message>
        <source>Nothing is left to pay: press Pay</source>
        <translation>Tidak ada sisa tagihan: tekan Bayar</translation>
    </message>
</context>
<context>
    <name>UpkeepBanner</name>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Back up again</source>
        <translation>Cadangkan lagi</translation>
    </message>
    <message>
        <source>Make a backup again</source>
        <translation>Buat cadangan lagi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>Tutup pemberitahuan ini</translation>
    </message>
</context>
</TS>
